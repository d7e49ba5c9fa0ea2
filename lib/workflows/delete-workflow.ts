import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/** Deletes a workflow that never ran; one with runs keeps its history and can be paused instead. */
export async function deleteWorkflow({ workflowId }: { workflowId: string }) {
  const workflow = await db().workflow.findUnique({ where: { id: workflowId }, select: { _count: { select: { runs: true } } } });
  if (!workflow) throw new AppError("not_found", { message: "This workflow no longer exists." });
  if (workflow._count.runs > 0) {
    throw new AppError("conflict", { message: `This workflow has ${workflow._count.runs} runs in its history; pause it instead of deleting it.` });
  }
  await db().$transaction([
    db().workflow.update({ where: { id: workflowId }, data: { currentVersionId: null } }),
    db().workflowVersion.deleteMany({ where: { workflowId } }),
    db().workflow.delete({ where: { id: workflowId } }),
  ]);
}
