import Link from "next/link";
import { EmptyState } from "@/components/shell/empty-state";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { Pagination } from "@/components/ui/pagination";

type TRow = {
  id: string;
  createdAt: Date;
  source: "API" | "FORM" | "TEST";
  customEvent: { name: string };
  customEventVersion: { version: number };
  endUser: { userId: string };
  _count: { runs: number };
};

const SOURCE_LABEL = { API: "API", FORM: "Form", TEST: "Test" } as const;

export function EventLogTable({ items, total, page, pageCount, query }: { items: TRow[]; total: number; page: number; pageCount: number; query: Record<string, string | undefined> }) {
  if (total === 0) {
    return (
      <EmptyState title="No events yet">
        Events appear here when your application calls POST /run/event, staff submit a form, or someone sends a test event from an event&apos;s page.
      </EmptyState>
    );
  }
  return (
    <DataTable columns={["Received", "Event", "End user", "Source", "Runs"]} footer={<Pagination page={page} pageCount={pageCount} total={total} noun="event" query={query} />}>
      {items.map((e) => (
        <tr key={e.id} data-testid={`event-log-row-${e.id}`}>
          <td className="px-4 py-3">
            <Link href={`/event-log/${e.id}`} className="text-brand-700 hover:underline">{formatDateTime(e.createdAt)}</Link>
          </td>
          <td className="px-4 py-3 font-mono">{e.customEvent.name} <span className="text-xs text-slate-500">v{e.customEventVersion.version}</span></td>
          <td className="px-4 py-3 font-mono">{e.endUser.userId}</td>
          <td className="px-4 py-3">{SOURCE_LABEL[e.source]}</td>
          <td className="px-4 py-3">{e._count.runs === 0 ? <span className="text-slate-500">No active workflow</span> : `${e._count.runs} run${e._count.runs === 1 ? "" : "s"}`}</td>
        </tr>
      ))}
    </DataTable>
  );
}
