import Link from "next/link";
import { RUN_STATUSES, RUN_TRIGGERS, type TRunListFilter } from "@/lib/runs/schemas";
import { RUN_STATUS_LABEL } from "@/components/runs/run-status-badge";

const INPUT = "rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300";
const LABEL = "text-xs font-medium text-slate-600";

const RANGES = [
  { label: "Last hour", ms: 60 * 60_000 },
  { label: "Last 24 h", ms: 24 * 60 * 60_000 },
  { label: "Last 7 days", ms: 7 * 24 * 60 * 60_000 },
];

/** "2026-01-15T10:00" in UTC, the value a datetime-local input shows. */
const toInputValue = (date: Date | undefined) => (date ? date.toISOString().slice(0, 16) : undefined);

/** The runs filter: a plain GET form, so a filtered list is a URL to share or bookmark. */
export function RunFilters({
  filter,
  params,
  options,
  now,
}: {
  filter: TRunListFilter;
  /** The filter as query parameters. */
  params: Record<string, string>;
  options: { workflows: { id: string; name: string }[]; events: string[] };
  /** The request's time, for the quick time ranges. */
  now: Date;
}) {
  const withSince = (ms: number) => {
    const next = new URLSearchParams(params);
    next.set("since", new Date(now.getTime() - ms).toISOString());
    next.delete("until");
    return `/runs?${next}`;
  };
  return (
    <div className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
      <form className="flex flex-wrap items-end gap-3" aria-label="Filter runs" action="/runs">
        <label className={LABEL}>
          Status
          <select name="status" defaultValue={filter.status ?? ""} className={`${INPUT} mt-1 block`}>
            <option value="">Any</option>
            {RUN_STATUSES.map((status) => (
              <option key={status} value={status}>{RUN_STATUS_LABEL[status]}</option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          Workflow
          <select name="workflowId" defaultValue={filter.workflowId ?? ""} className={`${INPUT} mt-1 block max-w-56`}>
            <option value="">Any</option>
            {options.workflows.map((workflow) => (
              <option key={workflow.id} value={workflow.id}>{workflow.name}</option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          Event
          <select name="event" defaultValue={filter.event ?? ""} className={`${INPUT} mt-1 block max-w-56`}>
            <option value="">Any</option>
            {options.events.map((name) => (
              <option key={name} value={name}>{name}</option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          End user
          <input name="userId" defaultValue={filter.userId} placeholder="demo-user" className={`${INPUT} mt-1 block w-40`} />
        </label>
        <label className={LABEL}>
          Trigger
          <select name="trigger" defaultValue={filter.trigger ?? ""} className={`${INPUT} mt-1 block`}>
            <option value="">Any</option>
            {RUN_TRIGGERS.map((trigger) => (
              <option key={trigger} value={trigger}>{trigger.charAt(0) + trigger.slice(1).toLowerCase()}</option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          Since (UTC)
          <input type="datetime-local" name="since" defaultValue={toInputValue(filter.since)} className={`${INPUT} mt-1 block`} />
        </label>
        <label className={LABEL}>
          Until (UTC)
          <input type="datetime-local" name="until" defaultValue={toInputValue(filter.until)} className={`${INPUT} mt-1 block`} />
        </label>
        <button className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">Filter</button>
        {Object.keys(params).length > 0 ? (
          <Link href="/runs" className="py-2 text-sm text-brand-700 hover:underline">Clear</Link>
        ) : null}
      </form>
      <p className="mt-3 flex flex-wrap gap-3 text-xs text-slate-600">
        <span>Quick range:</span>
        {RANGES.map((range) => (
          <Link key={range.label} href={withSince(range.ms)} className="text-brand-700 hover:underline">{range.label}</Link>
        ))}
      </p>
    </div>
  );
}
