import { requirePageRole } from "@/lib/auth/require-role";
import { listRunFilterOptions } from "@/lib/runs/list-run-filter-options";
import { listRunningBulkOperations } from "@/lib/runs/list-running-bulk-operations";
import { listRuns } from "@/lib/runs/list-runs";
import { hasRunFilter, isUuid, runFilterToParams, ZRunListQuery } from "@/lib/runs/schemas";
import { PageHeader } from "@/components/shell/empty-state";
import { BulkOperationProgress } from "@/components/runs/bulk-operation-progress";
import { BulkReplayButton } from "@/components/runs/bulk-replay-button";
import { describeRunFilter } from "@/components/runs/describe-run-filter";
import { RunFilters } from "@/components/runs/run-filters";
import { RunsTable } from "@/components/runs/runs-table";

export const metadata = { title: "Runs" };

export default async function RunsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageRole("OPERATOR", "/runs");
  const raw = await searchParams;
  const { page, ...filter } = ZRunListQuery.parse(raw);
  const params = runFilterToParams(filter);
  const [initialData, options, running] = await Promise.all([listRuns({ filter, page }), listRunFilterOptions(), listRunningBulkOperations()]);
  // The bulk replay just started (in the URL, so a reload keeps it) and any other still running.
  const operationIds = [...new Set([...(typeof raw.operation === "string" && isUuid(raw.operation) ? [raw.operation] : []), ...running.map((o) => o.id)])];
  return (
    <>
      <PageHeader title="Runs" description="Every workflow run, step by step. Retry a failed run from its failed step, or replay finished runs.">
        {initialData.total > 0 ? <BulkReplayButton filter={params} description={describeRunFilter(filter, options.workflows)} /> : null}
      </PageHeader>
      <RunFilters filter={filter} params={params} options={options} now={new Date()} />
      {operationIds.map((id) => (
        <BulkOperationProgress key={id} operationId={id} />
      ))}
      <RunsTable filter={params} page={page} initialData={initialData} filtered={hasRunFilter(filter)} />
    </>
  );
}
