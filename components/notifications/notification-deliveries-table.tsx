import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";

type TDelivery = {
  id: string;
  runId: string;
  type: string;
  status: "PENDING" | "DELIVERED" | "FAILING";
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: Date;
};

const STATUS_STYLE: Record<TDelivery["status"], { label: string; className: string }> = {
  PENDING: { label: "Pending", className: "bg-slate-100 text-slate-700" },
  DELIVERED: { label: "Delivered", className: "bg-green-50 text-green-700" },
  FAILING: { label: "Failing", className: "bg-red-50 text-red-700" },
};

/** The latest run notifications and how their delivery went. */
export function NotificationDeliveriesTable({ items }: { items: TDelivery[] }) {
  if (items.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-8 text-center text-sm text-slate-600">
        No notifications yet. Once notifications are on, each finished run of the chosen outcomes shows up here.
      </p>
    );
  }
  return (
    <DataTable columns={["Type", "Run", "Status", "Attempts", "Last error", "Queued"]}>
      {items.map((item) => {
        const status = STATUS_STYLE[item.status];
        return (
          <tr key={item.id} data-testid={`delivery-${item.id}`}>
            <td className="px-4 py-3 font-mono text-xs">{item.type}</td>
            <td className="px-4 py-3">
              <Link href={`/runs/${item.runId}`} className="font-mono text-xs text-brand-700 hover:underline">
                {item.runId.slice(0, 8)}…
              </Link>
            </td>
            <td className="px-4 py-3">
              <span className={`rounded px-2 py-0.5 text-xs ${status.className}`}>{status.label}</span>
            </td>
            <td className="px-4 py-3 text-slate-700">{item.attempts}</td>
            <td className="max-w-md px-4 py-3 text-xs break-words text-slate-600">{item.lastError ?? "—"}</td>
            <td className="px-4 py-3 whitespace-nowrap text-slate-600">{formatDateTime(item.createdAt)}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
