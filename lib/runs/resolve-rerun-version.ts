import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TRunVersionChoice } from "@/lib/runs/schemas";

type TSource = { workflowVersionId: string; workflow: { name: string; currentVersionId: string | null } };

/** The workflow version a retry or replay runs: the one the run used, or the workflow's current one. */
export async function resolveRerunVersion({ tx, source, version }: { tx: Prisma.TransactionClient; source: TSource; version: TRunVersionChoice }) {
  const versionId = version === "original" ? source.workflowVersionId : source.workflow.currentVersionId;
  if (!versionId) {
    throw new AppError("conflict", {
      message: `The workflow "${source.workflow.name}" has no current version. Choose the version this run used instead.`,
    });
  }
  return tx.workflowVersion.findUniqueOrThrow({ where: { id: versionId }, select: { id: true, version: true, steps: true } });
}
