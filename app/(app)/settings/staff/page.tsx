import { requirePageRole } from "@/lib/auth/require-role";
import { listStaffUsers } from "@/lib/staff/list-staff-users";
import { PageHeader } from "@/components/shell/empty-state";
import { CreateStaffUserForm } from "@/components/staff/create-staff-user-form";
import { StaffUserActions } from "@/components/staff/staff-user-actions";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";
import { Pagination } from "@/components/ui/pagination";

export const metadata = { title: "Staff users" };

export default async function StaffPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const me = await requirePageRole("ADMIN");
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const { items, total, pageCount } = await listStaffUsers({ page });
  return (
    <>
      <PageHeader title="Staff users" description="Admins configure everything; operators fire events and watch runs." />
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <section aria-labelledby="staff-list">
          <h2 id="staff-list" className="sr-only">
            All staff users
          </h2>
          <DataTable columns={["Name", "Role", "Status", "Last sign-in", ""]} footer={<Pagination page={page} pageCount={pageCount} total={total} noun="staff user" />}>
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
                    {formatDateTime(user.lastSignInAt)}
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
          </DataTable>
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
