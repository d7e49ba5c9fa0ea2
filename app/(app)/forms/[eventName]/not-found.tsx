import Link from "next/link";
import { getCurrentStaff, hasRole } from "@/lib/auth/require-role";
import { EnableFormLink } from "@/components/forms/enable-form-link";

// /forms/{eventName} when the event has no usable form: it does not exist, its form is off, or
// it is archived. Answered with 404 for everyone; admins get a link to the event's form settings.
export default async function FormNotFound() {
  const user = await getCurrentStaff();
  return (
    <div className="flex min-h-[50vh] flex-col items-center justify-center text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">This form is not enabled</h1>
      <p className="mt-2 max-w-md text-sm text-slate-600">
        Staff can fire an event from a form once an admin enables it on the event&apos;s page. Archived events have no form.
      </p>
      <div className="mt-6 flex gap-6 text-sm font-medium">
        {user && hasRole(user, "ADMIN") ? <EnableFormLink /> : null}
        <Link href="/forms" className="text-brand-700 hover:underline">
          Back to forms
        </Link>
      </div>
    </div>
  );
}
