import Link from "next/link";
import { hasRole, requirePageRole } from "@/lib/auth/require-role";
import { listEndUsers } from "@/lib/end-users/list-end-users";
import { EmptyState, PageHeader } from "@/components/shell/empty-state";
import { CreateEndUserForm } from "@/components/end-users/create-end-user-form";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { Pagination } from "@/components/ui/pagination";

export const metadata = { title: "End users" };

export default async function EndUsersPage({ searchParams }: { searchParams: Promise<{ page?: string; q?: string }> }) {
  const user = await requirePageRole("OPERATOR");
  const params = await searchParams;
  const page = Math.max(1, Number(params.page) || 1);
  const { items, total, pageCount } = await listEndUsers({ page, search: params.q });
  return (
    <>
      <PageHeader title="End users" description="The users of your product that workflows run for: the userId of POST /run/event." />
      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <section aria-label="End users" className="space-y-4">
          <form className="flex gap-2" role="search">
            <label htmlFor="q" className="sr-only">Search end users</label>
            <input id="q" name="q" defaultValue={params.q} placeholder="Search by userId or name" className="w-full max-w-sm rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300" />
            <button className="rounded-md bg-white px-3 py-2 text-sm ring-1 ring-slate-300">Search</button>
          </form>
          {total === 0 ? (
            <EmptyState title={params.q ? "No end user matches" : "No end users yet"}>
              {params.q ? "Try another search." : "Create end users from your application with POST /api/v1/users, or add one here."}
            </EmptyState>
          ) : (
            <DataTable columns={["userId", "Name", "Created"]} footer={<Pagination page={page} pageCount={pageCount} total={total} noun="end user" query={{ q: params.q }} />}>
              {items.map((u) => (
                <tr key={u.id}>
                  <td className="px-4 py-3 font-mono">
                    <Link href={`/end-users/${encodeURIComponent(u.userId)}`} className="text-brand-700 hover:underline">{u.userId}</Link>
                  </td>
                  <td className="px-4 py-3">{u.fullName ?? u.username ?? <span className="text-slate-400">—</span>}</td>
                  <td className="px-4 py-3 text-slate-600">{formatDateTime(u.createdAt)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
        {hasRole(user, "ADMIN") ? (
          <section aria-labelledby="new-end-user" className="h-fit rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="new-end-user" className="mb-4 text-base font-semibold">New end user</h2>
            <CreateEndUserForm />
          </section>
        ) : null}
      </div>
    </>
  );
}
