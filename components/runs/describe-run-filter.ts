import { type TRunListFilter } from "@/lib/runs/schemas";
import { formatDateTime } from "@/components/ui/format";

/** The filter in words, for the bulk replay confirmation: "status failed · workflow “Sync” · since …". */
export function describeRunFilter(filter: TRunListFilter, workflows: { id: string; name: string }[]): string {
  const parts = [
    filter.status ? `status ${filter.status.toLowerCase()}` : null,
    filter.trigger ? `trigger ${filter.trigger.toLowerCase()}` : null,
    filter.workflowId ? `workflow “${workflows.find((w) => w.id === filter.workflowId)?.name ?? filter.workflowId}”` : null,
    filter.event ? `event ${filter.event}` : null,
    filter.userId ? `end user ${filter.userId}` : null,
    filter.since ? `since ${formatDateTime(filter.since)}` : null,
    filter.until ? `until ${formatDateTime(filter.until)}` : null,
  ].filter(Boolean);
  return parts.length > 0 ? `this filter (${parts.join(" · ")})` : "no filter, that is every run";
}
