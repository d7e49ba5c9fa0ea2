import Link from "next/link";
import { requirePageRole } from "@/lib/auth/require-role";
import { listStaffUsers } from "@/lib/staff/list-staff-users";
import { PageHeader } from "@/components/shell/empty-state";
import { CreateStaffUserForm } from "@/components/staff/create-staff-user-form";
import { StaffUserActions } from "@/components/staff/staff-user-actions";

export const metadata = { title: "Staff users" };

export default async function StaffPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const me = await requirePageRole("ADMIN");
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const { items, total, pageCount } = await listStaffUsers({ page });
  return (
    <>
      <PageHeader title="Staff users" description="Admins configure everything; operators fire events and watch runs." />
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="staff-list" className="overflow-hidden rounded-lg border border-slate-200 bg-white">
          <h2 id="staff-list" className="sr-only">
            All staff users
          </h2>
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3">Name</th>
                <th scope="col" className="px-4 py-3">Role</th>
                <th scope="col" className="px-4 py-3">Status</th>
                <th scope="col" className="px-4 py-3">Last sign-in</th>
                <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((user) => (
                <tr key={user.id} data-testid={`staff-row-${user.email}`}>
                  <td className="px-4 py-3">
                    <div className="font-medium text-slate-900">{user.name}</div>
                    <div className="text-slate-500">{user.email}</div>
                  </td>
                  <td className="px-4 py-3">{user.role === "ADMIN" ? "Admin" : "Operator"}</td>
                  <td className="px-4 py-3">
                    {user.disabledAt ? (
                      <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600">Disabled</span>
                    ) : (
                      <span className="rounded bg-green-50 px-2 py-0.5 text-xs text-green-700">Active</span>
                    )}
                  </td>
                  <td className="px-4 py-3 text-slate-600">
                    {user.lastSignInAt ? user.lastSignInAt.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "Never"}
                  </td>
                  <td className="px-4 py-3 text-right">
                    {user.id === me.id ? (
                      <span className="text-xs text-slate-500">You</span>
                    ) : (
                      <StaffUserActions userId={user.id} email={user.email} role={user.role} disabled={Boolean(user.disabledAt)} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav aria-label="Pagination" className="flex items-center justify-between border-t border-slate-200 px-4 py-3 text-sm">
            <span className="text-slate-600">
              {total} staff user{total === 1 ? "" : "s"} · page {page} of {pageCount}
            </span>
            <span className="flex gap-3">
              {page > 1 ? <Link href={`?page=${page - 1}`} className="text-brand-700 hover:underline">Previous</Link> : null}
              {page < pageCount ? <Link href={`?page=${page + 1}`} className="text-brand-700 hover:underline">Next</Link> : null}
            </span>
          </nav>
        </section>
        <section aria-labelledby="add-staff" className="h-fit rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="add-staff" className="text-base font-semibold">
            Add a staff user
          </h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">Share the password with them securely; they sign in at /sign-in.</p>
          <CreateStaffUserForm />
        </section>
      </div>
    </>
  );
}
