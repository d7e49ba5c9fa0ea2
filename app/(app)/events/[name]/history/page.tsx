import Link from "next/link";
import { hasRole, requirePageRole } from "@/lib/auth/require-role";
import { getCustomEventOrThrow } from "@/lib/custom-events/get-custom-event";
import { listCustomEventVersions } from "@/lib/custom-events/list-custom-events";
import { diffSchemas } from "@/lib/schemas/schema-diff";
import type { TJsonSchema } from "@/lib/schemas/types";
import { PageHeader } from "@/components/shell/empty-state";
import { RestoreVersionButton } from "@/components/custom-events/restore-version-button";
import { formatDateTime } from "@/components/ui/format";

export default async function EventHistoryPage({ params }: { params: Promise<{ name: string }> }) {
  const user = await requirePageRole("OPERATOR");
  const name = decodeURIComponent((await params).name);
  const event = await getCustomEventOrThrow(name);
  const versions = await listCustomEventVersions({ name });
  const isAdmin = hasRole(user, "ADMIN");
  return (
    <>
      <PageHeader title={`${event.name}: history`} description="Every saved version. Restoring one saves it again as the newest version.">
        <Link href={`/events/${encodeURIComponent(name)}`} className="text-sm text-brand-700 hover:underline">
          Back to the editor
        </Link>
      </PageHeader>
      <ol className="space-y-3">
        {versions.map((v, i) => {
          const previous = versions[i + 1];
          const changes = previous ? diffSchemas(previous.schema as TJsonSchema, v.schema as TJsonSchema) : [];
          return (
            <li key={v.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`version-${v.version}`}>
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <p className="font-medium">
                    Version {v.version}
                    {v.id === event.currentVersionId ? <span className="ml-2 rounded bg-green-50 px-1.5 py-0.5 text-xs text-green-700">Current</span> : null}
                  </p>
                  <p className="text-sm text-slate-600">
                    {formatDateTime(v.createdAt)} by {v.createdByName}
                    {v.note ? ` · ${v.note}` : ""}
                  </p>
                </div>
                {isAdmin && v.id !== event.currentVersionId ? <RestoreVersionButton name={name} version={v.version} /> : null}
              </div>
              {previous ? (
                <ul className="mt-2 space-y-0.5 text-sm">
                  {changes.length === 0 ? <li className="text-slate-500">No schema changes (form layout or sample only).</li> : null}
                  {changes.map((c) => (
                    <li key={`${c.kind}${c.path}`} className={c.breaking ? "text-red-700" : "text-slate-700"}>
                      {c.breaking ? "Breaking: " : ""}
                      {c.message}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-2 text-sm text-slate-500">First version.</p>
              )}
              <details className="mt-2">
                <summary className="cursor-pointer text-sm text-brand-700">Schema</summary>
                <pre className="mt-2 overflow-x-auto rounded bg-slate-50 p-3 text-xs">{JSON.stringify(v.schema, null, 2)}</pre>
              </details>
            </li>
          );
        })}
      </ol>
    </>
  );
}
