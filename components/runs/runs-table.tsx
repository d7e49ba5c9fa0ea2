"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { runKeys } from "@/lib/runs/run-keys";
import { isActiveRunStatus, type TRunListItem, type TRunListPage } from "@/lib/runs/schemas";
import { EmptyState } from "@/components/shell/empty-state";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { Pagination } from "@/components/ui/pagination";
import { fetchJson } from "@/components/runs/fetch-json";
import { elapsedMs, formatDuration, shortId } from "@/components/runs/format";
import { RunStatusBadge } from "@/components/runs/run-status-badge";
import { useNow } from "@/components/runs/use-now";

// The runs list, kept live: every 2 s while a run on the page is queued or running, every 15 s
// otherwise (new runs appear at the top).

export const ACTIVE_REFRESH_MS = 2_000;
const IDLE_REFRESH_MS = 15_000;

const TRIGGER_LABEL = { EVENT: "Event", RETRY: "Retry", REPLAY: "Replay" } as const;

export function RunsTable({
  filter,
  page,
  initialData,
  filtered,
}: {
  /** The filter as query parameters. */
  filter: Record<string, string>;
  page: number;
  initialData: TRunListPage;
  filtered: boolean;
}) {
  const search = new URLSearchParams({ ...filter, ...(page > 1 ? { page: String(page) } : {}) }).toString();
  const { data, error } = useQuery({
    queryKey: runKeys.list(search),
    queryFn: () => fetchJson<TRunListPage>(`/api/internal/runs?${search}`),
    initialData,
    refetchInterval: (query) => (query.state.data?.items.some((run) => isActiveRunStatus(run.status)) ? ACTIVE_REFRESH_MS : IDLE_REFRESH_MS),
  });
  const live = data.items.some((run) => isActiveRunStatus(run.status));
  const now = useNow(live);

  if (data.total === 0) {
    return filtered ? (
      <EmptyState title="No runs match these filters" action={{ href: "/runs", label: "Show all runs" }}>
        Widen the time range or clear a filter. New runs appear here as they start.
      </EmptyState>
    ) : (
      <EmptyState title="No runs yet" action={{ href: "/workflows", label: "Go to workflows" }}>
        A run starts when an event is fired for an end user and an active workflow is triggered by that event. Activate a workflow, then fire its event from
        your application (POST /run/event) or with &ldquo;Send a test event&rdquo; on the event&apos;s page under{" "}
        <Link href="/events" className="text-brand-700 hover:underline">Events</Link>.
      </EmptyState>
    );
  }

  return (
    <div className="space-y-2">
      <p className="flex items-center justify-end gap-2 text-xs text-slate-500" aria-live="polite">
        {error ? (
          <span role="alert" className="text-red-700">Could not refresh: {error.message}</span>
        ) : live ? (
          <>
            <span aria-hidden className="h-1.5 w-1.5 animate-pulse rounded-full bg-blue-600" />
            Runs in progress; refreshing every {ACTIVE_REFRESH_MS / 1000} s
          </>
        ) : null}
      </p>
      <DataTable
        columns={["Status", "Workflow", "Event", "End user", "Trigger", "Started", "Duration"]}
        footer={<Pagination page={data.page} pageCount={data.pageCount} total={data.total} noun="run" query={filter} />}
      >
        {data.items.map((run) => (
          <RunRow key={run.id} run={run} now={now} />
        ))}
      </DataTable>
    </div>
  );
}

function RunRow({ run, now }: { run: TRunListItem; now: number }) {
  return (
    <tr data-testid={`run-row-${run.id}`}>
      <td className="px-4 py-3">
        <RunStatusBadge status={run.status} />
      </td>
      <td className="px-4 py-3">
        <Link href={`/workflows/${run.workflow.id}`} className="text-brand-700 hover:underline">{run.workflow.name}</Link>{" "}
        <span className="text-xs text-slate-500">v{run.workflow.version}</span>
      </td>
      <td className="px-4 py-3 font-mono">
        <Link href={`/event-log/${run.event.id}`} className="text-brand-700 hover:underline">{run.event.name}</Link>
      </td>
      <td className="px-4 py-3 font-mono">{run.userId}</td>
      <td className="px-4 py-3">
        {TRIGGER_LABEL[run.trigger]}
        {run.sourceRunId ? (
          <>
            {" "}
            <span className="text-xs text-slate-500">
              of <Link href={`/runs/${run.sourceRunId}`} className="font-mono text-brand-700 hover:underline">{shortId(run.sourceRunId)}</Link>
            </span>
          </>
        ) : null}
      </td>
      <td className="px-4 py-3 whitespace-nowrap">
        <Link href={`/runs/${run.id}`} className="text-brand-700 hover:underline" aria-label={`Open run ${shortId(run.id)}, ${run.startedAt ? `started ${formatDateTime(run.startedAt)}` : "not started yet"}`}>
          {run.startedAt ? formatDateTime(run.startedAt) : `Queued ${formatDateTime(run.createdAt)}`}
        </Link>
      </td>
      <td className="px-4 py-3 whitespace-nowrap tabular-nums" suppressHydrationWarning>
        {formatDuration(elapsedMs(run.startedAt, run.finishedAt, now))}
      </td>
    </tr>
  );
}
