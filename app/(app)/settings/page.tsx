import Link from "next/link";
import { requirePageRole } from "@/lib/auth/require-role";
import { PageHeader } from "@/components/shell/empty-state";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePageRole("ADMIN");
  return (
    <>
      <PageHeader title="Settings" description="Workspace configuration. Only admins see this area." />
      <ul className="grid gap-4 sm:grid-cols-2">
        <li className="rounded-lg border border-slate-200 bg-white p-5">
          <Link href="/settings/staff" className="font-medium text-brand-700 hover:underline">
            Staff users
          </Link>
          <p className="mt-1 text-sm text-slate-600">Invite admins and operators, change roles, disable accounts.</p>
        </li>
        <li className="rounded-lg border border-slate-200 bg-white p-5">
          <Link href="/settings/notifications" className="font-medium text-brand-700 hover:underline">
            Run notifications
          </Link>
          <p className="mt-1 text-sm text-slate-600">Get a signed webhook when a run succeeds or fails, and see recent deliveries.</p>
        </li>
      </ul>
    </>
  );
}
