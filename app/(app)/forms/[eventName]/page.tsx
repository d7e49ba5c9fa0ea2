import Link from "next/link";
import { notFound } from "next/navigation";
import { hasRole, requirePageRole } from "@/lib/auth/require-role";
import { isAppError } from "@/lib/errors/app-error";
import { getFormOrThrow } from "@/lib/forms/get-form";
import { PageHeader } from "@/components/shell/empty-state";
import { GeneratedForm } from "@/components/forms/generated-form";

type TParams = { params: Promise<{ eventName: string }> };

export async function generateMetadata({ params }: TParams) {
  return { title: `${decodeURIComponent((await params).eventName)} form` };
}

export default async function FormPage({ params }: TParams) {
  const eventName = decodeURIComponent((await params).eventName);
  const user = await requirePageRole("OPERATOR", `/forms/${encodeURIComponent(eventName)}`);
  // A missing, disabled or archived form answers 404 (./not-found.tsx says why and, to admins, where to enable it).
  const form = await getFormOrThrow({ eventName }).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "not_found" || error.code === "event_archived")) notFound();
    throw error;
  });
  return (
    <>
      <PageHeader title={form.name} description={form.description || `Fire ${form.name} from a form.`}>
        <div className="flex items-center gap-4 text-sm">
          {hasRole(user, "ADMIN") ? (
            <Link href={`/events/${encodeURIComponent(form.name)}#form-settings`} className="text-brand-700 hover:underline">
              Configure form
            </Link>
          ) : null}
          <Link href="/forms" className="text-brand-700 hover:underline">
            All forms
          </Link>
        </div>
      </PageHeader>
      <p className="mb-4 text-xs text-slate-500">Schema version {form.version}</p>
      <GeneratedForm eventName={form.name} schema={form.schema} uiSchema={form.uiSchema} />
    </>
  );
}
