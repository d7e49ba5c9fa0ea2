import Link from "next/link";
import { hasRole, requirePageRole } from "@/lib/auth/require-role";
import { listWorkflows } from "@/lib/workflows/list-workflows";
import { EmptyState, PageHeader } from "@/components/shell/empty-state";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { Pagination } from "@/components/ui/pagination";
import { WorkflowStatusBadge } from "@/components/workflows/workflow-status-badge";

export const metadata = { title: "Workflows" };

export default async function WorkflowsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePageRole("OPERATOR");
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const { workflows, total, pageSize } = await listWorkflows({ page });
  const isAdmin = hasRole(user, "ADMIN");
  return (
    <>
      <PageHeader title="Workflows" description="Workflows run when an event fires, mapping its fields into connector actions.">
        {isAdmin ? (
          <Link href="/workflows/new" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
            New workflow
          </Link>
        ) : null}
      </PageHeader>
      {total === 0 ? (
        <EmptyState title="No workflows yet" action={isAdmin ? { href: "/workflows/new", label: "New workflow" } : undefined}>
          Build a workflow that an event triggers: for example, create a NetSuite invoice whenever your application fires create_invoice.
        </EmptyState>
      ) : (
        <DataTable
          columns={["Name", "Trigger", "Status", "Steps", "Runs for", "Last run", "Updated"]}
          footer={<Pagination page={page} pageCount={Math.ceil(total / pageSize)} total={total} noun="workflow" />}
        >
          {workflows.map((w) => (
            <tr key={w.id}>
              <td className="px-4 py-3">
                <Link href={`/workflows/${w.id}`} className="font-medium text-brand-700 hover:underline">{w.name}</Link>
                {w.version ? <span className="ml-2 text-xs text-slate-500">v{w.version}</span> : null}
              </td>
              <td className="px-4 py-3 font-mono text-xs">{w.eventName}</td>
              <td className="px-4 py-3"><WorkflowStatusBadge status={w.status} /></td>
              <td className="px-4 py-3">{w.stepCount}</td>
              <td className="px-4 py-3 text-slate-600">{w.endUsers}</td>
              <td className="px-4 py-3 text-slate-600">{w.lastRun ? `${formatDateTime(w.lastRun.createdAt)} · ${w.lastRun.status.toLowerCase()}` : "Never"}</td>
              <td className="px-4 py-3 text-slate-600">{formatDateTime(w.updatedAt)}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
