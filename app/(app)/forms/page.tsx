import Link from "next/link";
import { hasRole, requirePageRole } from "@/lib/auth/require-role";
import { listForms } from "@/lib/forms/list-forms";
import { EmptyState, PageHeader } from "@/components/shell/empty-state";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/components/ui/format";

export const metadata = { title: "Forms" };

export default async function FormsPage() {
  const user = await requirePageRole("OPERATOR");
  const isAdmin = hasRole(user, "ADMIN");
  const forms = await listForms();
  return (
    <>
      <PageHeader title="Forms" description="Fire events from forms generated from their schema, for an end user of your choice." />
      {forms.length === 0 ? (
        <EmptyState title="No forms enabled" action={isAdmin ? { href: "/events", label: "Choose an event" } : undefined}>
          An admin enables a form on an event&apos;s page (Events → the event → Staff form). Its fields, labels and order come from the
          event&apos;s schema and its form layout (UI schema).
        </EmptyState>
      ) : (
        <DataTable columns={isAdmin ? ["Form", "Version", "Last fired", ""] : ["Form", "Version", "Last fired"]}>
          {forms.map((form) => (
            <tr key={form.name} data-testid={`form-row-${form.name}`}>
              <td className="px-4 py-3">
                <Link href={`/forms/${encodeURIComponent(form.name)}`} className="font-mono font-medium text-brand-700 hover:underline">
                  {form.name}
                </Link>
                {form.description ? <p className="text-slate-500">{form.description}</p> : null}
              </td>
              <td className="px-4 py-3">v{form.version}</td>
              <td className="px-4 py-3 text-slate-600">{formatDateTime(form.lastFiredAt)}</td>
              {isAdmin ? (
                <td className="px-4 py-3 text-right">
                  <Link href={`/events/${encodeURIComponent(form.name)}#form-settings`} className="text-sm text-brand-700 hover:underline">
                    Configure form<span className="sr-only"> {form.name}</span>
                  </Link>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
