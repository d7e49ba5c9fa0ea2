import Link from "next/link";
import { Fragment } from "react";
import { requirePageRole } from "@/lib/auth/require-role";
import { appUrl } from "@/lib/env";
import {
  HTTP_METHODS,
  openApiDocument,
  resolveRef,
  type THeader,
  type THttpMethod,
  type TMediaType,
  type TOpenApiDocument,
  type TOperation,
  type TParameter,
  type TResponse,
  type TSchema,
} from "@/lib/openapi/openapi-document";
import { PageHeader } from "@/components/shell/empty-state";

export const metadata = { title: "API reference" };

type TEntry = { path: string; method: THttpMethod; operation: TOperation; aliases: string[] };

const METHOD_STYLE: Record<THttpMethod, string> = {
  get: "bg-slate-100 text-slate-700",
  post: "bg-brand-600 text-white",
  put: "bg-amber-100 text-amber-800",
  patch: "bg-amber-100 text-amber-800",
  delete: "bg-red-100 text-red-700",
};

export default async function ApiReferencePage() {
  await requirePageRole("OPERATOR");
  const document = openApiDocument(appUrl());
  const entries = operationEntries(document);
  const baseUrl = document.servers[0]?.url ?? "";
  const bearer = document.components.securitySchemes.bearerAuth;
  return (
    <>
      <PageHeader title="API reference" description={`${document.info.title}, version ${document.info.version}.`}>
        <a href="/api/openapi.json" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700" download>
          Download the OpenAPI 3.1 document
        </a>
      </PageHeader>

      <div className="grid gap-8 lg:grid-cols-[14rem_1fr]">
        <nav aria-label="Operations" className="h-fit space-y-4 text-sm lg:sticky lg:top-6">
          {document.tags.map((tag) => (
            <div key={tag.name}>
              <h2 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{tag.name}</h2>
              <ul className="space-y-0.5">
                {entries
                  .filter((e) => e.operation.tags.includes(tag.name))
                  .map((e) => (
                    <li key={e.operation.operationId}>
                      <Link href={`#${e.operation.operationId}`} className="text-brand-700 hover:underline">
                        {e.operation.summary}
                      </Link>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </nav>

        <div className="min-w-0 space-y-6">
          <section aria-labelledby="base-url" className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="base-url" className="text-base font-semibold text-slate-900">Base URL</h2>
            <p className="mt-2 text-sm text-slate-600">
              Paths below are relative to <code className="rounded bg-slate-100 px-1 font-mono text-xs text-slate-800">{baseUrl}</code>. Bodies
              and errors are JSON.
            </p>
            <p className="mt-2 text-sm text-slate-600">
              <RichText text={document.info.description} />
            </p>
          </section>

          <section aria-labelledby="authentication" className="rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="authentication" className="text-base font-semibold text-slate-900">Authentication</h2>
            <p className="mt-2 text-sm text-slate-600">
              <RichText text={bearer.description} />
            </p>
            <pre className="mt-3 overflow-x-auto rounded bg-slate-50 p-3 text-xs text-slate-800">Authorization: Bearer ce_live_…</pre>
            <p className="mt-2 text-sm text-slate-600">
              Create keys under{" "}
              <Link href="/api-keys" className="text-brand-700 hover:underline">
                API keys
              </Link>
              . The health probes and the OpenAPI document need no key.
            </p>
          </section>

          {entries.map((entry) => (
            <OperationCard key={entry.operation.operationId} document={document} entry={entry} />
          ))}
        </div>
      </div>
    </>
  );
}

function operationEntries(document: TOpenApiDocument): TEntry[] {
  const all = Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => (item[method] ? [{ path, method, operation: item[method] }] : [])),
  );
  // Aliases repeat an operation at another path: one card, naming both paths.
  return all
    .filter((e) => !e.operation["x-alias-of"])
    .map((e) => ({
      ...e,
      aliases: all.filter((a) => a.operation["x-alias-of"] === e.operation.operationId).map((a) => a.path),
    }));
}

function OperationCard({ document, entry }: { document: TOpenApiDocument; entry: TEntry }) {
  const { path, method, operation, aliases } = entry;
  const parameters = (operation.parameters ?? []).map((p) => resolveRef<TParameter>(document, p));
  const body = operation.requestBody?.content["application/json"];
  const isPublic = (operation.security ?? document.security).length === 0;
  return (
    <section id={operation.operationId} aria-labelledby={`${operation.operationId}-title`} className="scroll-mt-6 rounded-lg border border-slate-200 bg-white p-5">
      <div className="flex flex-wrap items-center gap-2">
        <span className={`rounded px-2 py-0.5 font-mono text-xs font-semibold uppercase ${METHOD_STYLE[method]}`}>{method}</span>
        <code className="font-mono text-sm font-medium text-slate-900">{path}</code>
        {isPublic ? <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">No API key</span> : null}
      </div>
      <h2 id={`${operation.operationId}-title`} className="mt-3 text-base font-semibold text-slate-900">
        {operation.summary}
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        <RichText text={operation.description} />
      </p>
      {aliases.length ? (
        <p className="mt-1 text-sm text-slate-500">
          Also served at{" "}
          {aliases.map((alias, i) => (
            <Fragment key={alias}>
              {i ? ", " : null}
              <code className="font-mono text-xs">{alias}</code>
            </Fragment>
          ))}
          .
        </p>
      ) : null}
      <p className="mt-1 font-mono text-xs text-slate-400">operationId: {operation.operationId}</p>

      {parameters.length ? (
        <div className="mt-4">
          <h3 className="text-sm font-semibold text-slate-900">Parameters and headers</h3>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th className="py-2 pr-4 font-medium">Name</th>
                  <th className="py-2 pr-4 font-medium">In</th>
                  <th className="py-2 pr-4 font-medium">Type</th>
                  <th className="py-2 font-medium">Description</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {parameters.map((p) => (
                  <tr key={`${p.in}:${p.name}`} className="align-top">
                    <td className="py-2 pr-4 font-mono text-xs text-slate-900">
                      {p.name}
                      {p.required ? <span className="ml-1 text-red-600">required</span> : null}
                    </td>
                    <td className="py-2 pr-4 text-slate-600">{p.in}</td>
                    <td className="py-2 pr-4 font-mono text-xs text-slate-600">{describeSchema(p.schema)}</td>
                    <td className="py-2 text-slate-600">
                      <RichText text={p.description} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}

      {body ? (
        <div className="mt-4">
          <h3 className="text-sm font-semibold text-slate-900">Request body</h3>
          {operation.requestBody?.description ? (
            <p className="mt-1 text-sm text-slate-600">
              <RichText text={operation.requestBody.description} />
            </p>
          ) : null}
          <Examples media={body} />
        </div>
      ) : null}

      <div className="mt-4">
        <h3 className="text-sm font-semibold text-slate-900">Responses</h3>
        <ul className="mt-2 divide-y divide-slate-100">
          {Object.entries(operation.responses).map(([status, ref]) => {
            const response = resolveRef<TResponse>(document, ref);
            const headers = Object.entries(response.headers ?? {}).map(([name, h]) => [name, resolveRef<THeader>(document, h)] as const);
            const media = response.content?.["application/json"];
            return (
              <li key={status} className="py-3">
                <div className="flex flex-wrap items-baseline gap-2">
                  <span className={`font-mono text-sm font-semibold ${status.startsWith("2") ? "text-green-700" : "text-slate-900"}`}>{status}</span>
                  <span className="text-sm text-slate-600">
                    <RichText text={response.description} />
                  </span>
                </div>
                {headers.length ? (
                  <p className="mt-1 text-xs text-slate-500">
                    Headers:{" "}
                    {headers.map(([name, header], i) => (
                      <Fragment key={name}>
                        {i ? ", " : null}
                        <code className="font-mono" title={header.description}>
                          {name}
                        </code>
                      </Fragment>
                    ))}
                  </p>
                ) : null}
                {media ? <Examples media={media} /> : null}
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}

function Examples({ media }: { media: TMediaType }) {
  const examples = media.examples
    ? Object.entries(media.examples).map(([name, e]) => ({ name, summary: e.summary, value: e.value }))
    : media.example !== undefined
      ? [{ name: "example", summary: undefined, value: media.example }]
      : [];
  return (
    <>
      {examples.map((e) => (
        <div key={e.name} className="mt-2">
          {e.summary ? <p className="text-xs font-medium text-slate-500">{e.summary}</p> : null}
          <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-3 text-xs text-slate-800">{JSON.stringify(e.value, null, 2)}</pre>
        </div>
      ))}
    </>
  );
}

/** A short type for the table: `integer (1-100, default 50)`, `"2025-09"`. */
function describeSchema(schema: TSchema): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  const type = String(schema.type ?? "any") + (schema.format ? ` (${String(schema.format)})` : "");
  const range =
    schema.minimum !== undefined && schema.maximum !== undefined
      ? `${String(schema.minimum)}-${String(schema.maximum)}`
      : schema.maxLength !== undefined
        ? `${String(schema.minLength ?? 0)}-${String(schema.maxLength)} chars`
        : undefined;
  const extras = [range, schema.default !== undefined ? `default ${JSON.stringify(schema.default)}` : undefined].filter(Boolean);
  return extras.length ? `${type}, ${extras.join(", ")}` : type;
}

/** The document's descriptions mark code with backticks; show those parts as code. */
function RichText({ text }: { text: string }) {
  return (
    <>
      {text.split("`").map((part, i) =>
        i % 2 ? (
          <code key={i} className="rounded bg-slate-100 px-1 font-mono text-xs text-slate-800">
            {part}
          </code>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
