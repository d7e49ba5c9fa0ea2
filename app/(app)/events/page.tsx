import Link from "next/link";
import { hasRole, requirePageRole } from "@/lib/auth/require-role";
import { listCustomEvents } from "@/lib/custom-events/list-custom-events";
import { EmptyState, PageHeader } from "@/components/shell/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";

export const metadata = { title: "Events" };

export default async function EventsPage({ searchParams }: { searchParams: Promise<{ page?: string; archived?: string }> }) {
  const user = await requirePageRole("OPERATOR");
  const params = await searchParams;
  const page = Math.max(1, Number(params.page) || 1);
  const includeArchived = params.archived === "1";
  const { items, total, pageCount } = await listCustomEvents({ page, includeArchived });
  const isAdmin = hasRole(user, "ADMIN");
  return (
    <>
      <PageHeader title="Events" description="Custom Events are the contract between your application and its workflows.">
        <div className="flex items-center gap-4">
          <Link href={includeArchived ? "/events" : "/events?archived=1"} className="text-sm text-brand-700 hover:underline">
            {includeArchived ? "Hide archived" : "Show archived"}
          </Link>
          {isAdmin ? (
            <Link href="/events/new" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
              New event
            </Link>
          ) : null}
        </div>
      </PageHeader>
      {total === 0 ? (
        <EmptyState title="No Custom Events yet" action={isAdmin ? { href: "/events/new", label: "Define your first event" } : undefined}>
          Define an event, such as create_invoice, with the fields your application will send. Workflows then map those fields into
          connector actions.
        </EmptyState>
      ) : (
        <DataTable columns={["Event", "Version", "Fields", "Workflows", "Last fired"]} footer={<Pagination page={page} pageCount={pageCount} total={total} noun="event" query={{ archived: includeArchived ? "1" : undefined }} />}>
              {items.map((event) => {
                const fields = Object.keys(((event.currentVersion?.schema as { properties?: object })?.properties ?? {}) as object);
                return (
                  <tr key={event.id} data-testid={`event-row-${event.name}`}>
                    <td className="px-4 py-3">
                      <Link href={`/events/${encodeURIComponent(event.name)}`} className="font-mono font-medium text-brand-700 hover:underline">
                        {event.name}
                      </Link>
                      {event.archivedAt ? <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">Archived</span> : null}
                      {event.description ? <p className="text-slate-500">{event.description}</p> : null}
                    </td>
                    <td className="px-4 py-3">v{event.currentVersion?.version}</td>
                    <td className="px-4 py-3 font-mono text-xs text-slate-600">{fields.join(", ") || "none"}</td>
                    <td className="px-4 py-3 text-slate-600">
                      {event.workflows.length ? event.workflows.map((w) => w.name).join(", ") : <span className="text-slate-400">None</span>}
                    </td>
                    <td className="px-4 py-3 text-slate-600">{formatDateTime(event.lastFiredAt)}</td>
                  </tr>
                );
              })}
        </DataTable>
      )}
    </>
  );
}
