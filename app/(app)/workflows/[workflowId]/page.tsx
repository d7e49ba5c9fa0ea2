import { notFound } from "next/navigation";
import { hasRole, requirePageRole } from "@/lib/auth/require-role";
import { listActions } from "@/lib/connectors/catalog";
import { db } from "@/lib/db";
import { isAppError } from "@/lib/errors/app-error";
import { getWorkflowOrThrow } from "@/lib/workflows/get-workflow";
import { WorkflowEditor } from "@/components/workflows/workflow-editor";

export const metadata = { title: "Workflow" };

export default async function WorkflowPage({ params }: { params: Promise<{ workflowId: string }> }) {
  const { workflowId } = await params;
  const user = await requirePageRole("OPERATOR", `/workflows/${workflowId}`);
  if (!/^[0-9a-f-]{36}$/i.test(workflowId)) notFound();
  const workflow = await getWorkflowOrThrow(workflowId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const endUsers = await db().endUser.findMany({ orderBy: { userId: "asc" }, take: 500, select: { userId: true, fullName: true } });
  return <WorkflowEditor workflow={workflow} actions={listActions()} endUsers={endUsers} readOnly={!hasRole(user, "ADMIN")} />;
}
