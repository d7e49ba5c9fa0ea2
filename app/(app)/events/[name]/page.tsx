import Link from "next/link";
import { notFound } from "next/navigation";
import { hasRole, requirePageRole } from "@/lib/auth/require-role";
import { getCustomEventOrThrow } from "@/lib/custom-events/get-custom-event";
import { isAppError } from "@/lib/errors/app-error";
import type { TJsonSchema } from "@/lib/schemas/types";
import { PageHeader } from "@/components/shell/empty-state";
import { EventLifecycleActions } from "@/components/custom-events/event-lifecycle-actions";
import { SchemaEditor } from "@/components/custom-events/schema-editor";
import { FormSettings } from "@/components/custom-events/form-settings";
import { SendTestEvent } from "@/components/events/send-test-event";
import { listEndUsers } from "@/lib/end-users/list-end-users";
import { formatDateTime } from "@/components/ui/format";

export default async function EventPage({ params }: { params: Promise<{ name: string }> }) {
  const user = await requirePageRole("OPERATOR");
  const name = decodeURIComponent((await params).name);
  const event = await getCustomEventOrThrow(name).catch((error) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const version = event.currentVersion;
  const isAdmin = hasRole(user, "ADMIN");
  const endUsers = await listEndUsers({ pageSize: 200 });
  return (
    <>
      <PageHeader
        title={event.name}
        description={`Version ${version.version}, saved ${formatDateTime(version.createdAt)} by ${version.createdByName}${event.archivedAt ? " · archived" : ""}`}
      >
        <div className="flex items-start gap-4">
          <Link href={`/events/${encodeURIComponent(event.name)}/history`} className="py-2 text-sm text-brand-700 hover:underline">
            History
          </Link>
          {isAdmin ? <EventLifecycleActions name={event.name} archived={Boolean(event.archivedAt)} /> : null}
        </div>
      </PageHeader>
      {event.archivedAt ? (
        <p role="status" className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
          This event is archived: it is hidden from pickers and the API refuses to fire it. Unarchive it to use it again.
        </p>
      ) : null}
      {!event.archivedAt ? (
        <div className="mb-6">
          <SendTestEvent eventName={event.name} sample={version.sample} endUserIds={endUsers.items.map((u) => u.userId)} />
        </div>
      ) : null}
      <div className="mb-6">
        <FormSettings eventName={event.name} formEnabled={event.formEnabled} archived={Boolean(event.archivedAt)} canConfigure={isAdmin} />
      </div>
      {isAdmin ? (
        <SchemaEditor
          key={version.id}
          mode="edit"
          name={event.name}
          description={event.description}
          version={version.version}
          schema={version.schema as TJsonSchema}
          uiSchema={version.uiSchema as TJsonSchema | null}
          sample={version.sample}
        />
      ) : (
        <pre className="overflow-x-auto rounded-lg border border-slate-200 bg-white p-4 text-xs">{JSON.stringify(version.schema, null, 2)}</pre>
      )}
    </>
  );
}
