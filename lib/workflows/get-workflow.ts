import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { TWorkflowStep } from "@/lib/mapping/types";

/** Everything the editor needs: settings, current steps, the trigger's schema and sample, versions. */
export async function getWorkflowOrThrow(id: string) {
  const workflow = await db().workflow.findUnique({
    where: { id },
    include: {
      currentVersion: true,
      customEvent: { include: { currentVersion: true } },
      endUsers: { include: { endUser: { select: { userId: true } } } },
      versions: { orderBy: { version: "desc" }, take: 50, select: { id: true, version: true, createdAt: true, _count: { select: { runs: true } } } },
    },
  });
  if (!workflow) throw new AppError("not_found", { message: "There is no such workflow." });
  return {
    id: workflow.id,
    name: workflow.name,
    status: workflow.status,
    allEndUsers: workflow.allEndUsers,
    endUserIds: workflow.endUsers.map((e) => e.endUser.userId).sort(),
    runTimeoutSeconds: workflow.runTimeoutSeconds,
    customEvent: {
      id: workflow.customEvent.id,
      name: workflow.customEvent.name,
      schema: (workflow.customEvent.currentVersion?.schema ?? {}) as Record<string, unknown>,
      sample: (workflow.customEvent.currentVersion?.sample ?? null) as Record<string, unknown> | null,
    },
    version: workflow.currentVersion?.version ?? null,
    steps: (workflow.currentVersion?.steps ?? []) as TWorkflowStep[],
    versions: workflow.versions.map((v) => ({ version: v.version, createdAt: v.createdAt, runs: v._count.runs })),
  };
}

export type TWorkflowForEditor = Awaited<ReturnType<typeof getWorkflowOrThrow>>;
