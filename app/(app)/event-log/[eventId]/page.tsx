import Link from "next/link";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/require-role";
import { getFiredEventOrThrow } from "@/lib/events/get-fired-event";
import { isAppError } from "@/lib/errors/app-error";
import { PageHeader } from "@/components/shell/empty-state";
import { formatDateTime } from "@/components/ui/format";

export default async function FiredEventPage({ params }: { params: Promise<{ eventId: string }> }) {
  await requirePageRole("OPERATOR");
  const event = await getFiredEventOrThrow((await params).eventId).catch((error) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <>
      <PageHeader
        title={`${event.customEvent.name} for ${event.endUser.userId}`}
        description={`Received ${formatDateTime(event.createdAt)} through ${event.source === "API" ? "the API" : event.source === "FORM" ? "a form" : "a test send"} · schema version ${event.customEventVersion.version} · event id ${event.id}`}
      >
        <Link href="/event-log" className="text-sm text-brand-700 hover:underline">Back to the event log</Link>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="payload" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="payload" className="mb-3 text-base font-semibold">Payload</h2>
          <pre className="overflow-x-auto rounded bg-slate-50 p-3 text-xs" data-testid="event-payload">{JSON.stringify(event.data, null, 2)}</pre>
        </section>
        <section aria-labelledby="runs" className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="runs" className="mb-3 text-base font-semibold">Runs</h2>
          {event.runs.length === 0 ? (
            <p className="text-sm text-slate-600">This event matched no active workflow for {event.endUser.userId}, so nothing ran. Activate a workflow triggered by {event.customEvent.name} to act on events like it.</p>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {event.runs.map((run) => (
                <li key={run.id} className="flex items-center justify-between gap-3 py-2">
                  <Link href={`/runs/${run.id}`} className="text-brand-700 hover:underline">{run.workflow.name}</Link>
                  <span className="flex items-center gap-2 font-mono text-xs text-slate-600">
                    <RunStatusBadge status={run.status} /> {run.id}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
