import { requirePageRole } from "@/lib/auth/require-role";
import { db } from "@/lib/db";
import { EmptyState, PageHeader } from "@/components/shell/empty-state";
import { NewWorkflowForm } from "@/components/workflows/new-workflow-form";

export const metadata = { title: "New workflow" };

export default async function NewWorkflowPage() {
  await requirePageRole("ADMIN", "/workflows/new");
  const events = await db().customEvent.findMany({
    where: { archivedAt: null, currentVersionId: { not: null } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
  return (
    <>
      <PageHeader title="New workflow" description="Name it and pick the Custom Event that triggers it; then add steps and map the event's fields." />
      {events.length === 0 ? (
        <EmptyState title="Define an event first" action={{ href: "/events/new", label: "New event" }}>
          A workflow runs when a Custom Event fires. Define one (for example create_invoice) and come back.
        </EmptyState>
      ) : (
        <div className="max-w-lg rounded-lg border border-slate-200 bg-white p-6">
          <NewWorkflowForm events={events} />
        </div>
      )}
    </>
  );
}
