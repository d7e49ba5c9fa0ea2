import { requirePageRole } from "@/lib/auth/require-role";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { EmptyState, PageHeader } from "@/components/shell/empty-state";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { RevokeApiKeyButton } from "@/components/api-keys/revoke-api-key-button";
import { formatDateTime } from "@/components/ui/format";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requirePageRole("ADMIN");
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const { items, total, pageCount } = await listApiKeys({ page });
  return (
    <>
      <PageHeader title="API keys" description="Your application sends a key as `Authorization: bearer <key>` to call POST /run/event and the rest of the API." />
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <section aria-label="API keys">
          {total === 0 ? (
            <EmptyState title="No API keys yet">
              Create a key for each application or environment that fires events. The secret is shown once; only its hash is kept.
            </EmptyState>
          ) : (
            <DataTable columns={["Name", "Key", "Created", "Last used", ""]} footer={<Pagination page={page} pageCount={pageCount} total={total} noun="key" />}>
                  {items.map((key) => (
                    <tr key={key.id} data-testid={`api-key-row-${key.name}`}>
                      <td className="px-4 py-3 font-medium text-slate-900">{key.name}</td>
                      <td className="px-4 py-3 font-mono text-xs text-slate-600">{key.prefix}…</td>
                      <td className="px-4 py-3 text-slate-600">{formatDateTime(key.createdAt)}</td>
                      <td className="px-4 py-3 text-slate-600">{formatDateTime(key.lastUsedAt)}</td>
                      <td className="px-4 py-3 text-right">
                        {key.revokedAt ? (
                          <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600">Revoked {formatDateTime(key.revokedAt)}</span>
                        ) : (
                          <RevokeApiKeyButton id={key.id} name={key.name} />
                        )}
                      </td>
                    </tr>
                  ))}
            </DataTable>
          )}
        </section>
        <section aria-labelledby="new-key" className="h-fit rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="new-key" className="mb-4 text-base font-semibold">New API key</h2>
          <CreateApiKeyForm />
        </section>
      </div>
    </>
  );
}
