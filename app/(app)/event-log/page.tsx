import { requirePageRole } from "@/lib/auth/require-role";
import { listFiredEvents, ZEventLogFilter } from "@/lib/events/list-fired-events";
import { PageHeader } from "@/components/shell/empty-state";
import { EventLogTable } from "@/components/events/event-log-table";

export const metadata = { title: "Event log" };

const INPUT = "rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300";

export default async function EventLogPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageRole("OPERATOR");
  const raw = await searchParams;
  const filter = ZEventLogFilter.parse(raw);
  const { items, total, pageCount } = await listFiredEvents(filter);
  return (
    <>
      <PageHeader title="Event log" description="Every accepted event, with its payload and the runs it started." />
      <form className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4" aria-label="Filter events">
        <label className="text-xs font-medium text-slate-600">Event<input name="event" defaultValue={raw.event} placeholder="create_invoice" className={`${INPUT} mt-1 block`} /></label>
        <label className="text-xs font-medium text-slate-600">End user<input name="userId" defaultValue={raw.userId} placeholder="demo-user" className={`${INPUT} mt-1 block`} /></label>
        <label className="text-xs font-medium text-slate-600">
          Source
          <select name="source" defaultValue={raw.source ?? ""} className={`${INPUT} mt-1 block`}>
            <option value="">Any</option>
            <option value="API">API</option>
            <option value="FORM">Form</option>
            <option value="TEST">Test</option>
          </select>
        </label>
        <label className="text-xs font-medium text-slate-600">From<input type="datetime-local" name="from" defaultValue={raw.from} className={`${INPUT} mt-1 block`} /></label>
        <label className="text-xs font-medium text-slate-600">To<input type="datetime-local" name="to" defaultValue={raw.to} className={`${INPUT} mt-1 block`} /></label>
        <button className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">Filter</button>
      </form>
      <EventLogTable items={items} total={total} page={filter.page} pageCount={pageCount} query={{ event: raw.event, userId: raw.userId, source: raw.source, from: raw.from, to: raw.to }} />
    </>
  );
}
