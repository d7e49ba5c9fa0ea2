"use client";

import { useRouter } from "next/navigation";
import { useId, useState, type ReactNode } from "react";
import { CONNECTABLE_CONNECTORS, CONNECTION_KINDS, type TConnectableConnector } from "@/lib/connections/connection-fields";
import type { TConnectionSummary } from "@/lib/connections/types";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { ConnectionForm } from "@/components/connections/connection-form";
import { DeleteConnectionButton } from "@/components/connections/delete-connection-button";

type TEditing = { kind: "add"; connector: TConnectableConnector } | { kind: "edit"; id: string } | null;

/** The end user's connections on their page: admins add, edit and delete; operators only read. */
export function ConnectionsPanel({ endUserId, connections, canEdit }: { endUserId: string; connections: TConnectionSummary[]; canEdit: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState<TEditing>(null);
  const [saved, setSaved] = useState<string>();
  const available = CONNECTABLE_CONNECTORS.filter((c) => !connections.some((existing) => existing.connector === c));
  const done = (message: string) => {
    setEditing(null);
    setSaved(message);
    router.refresh();
  };
  const start = (next: TEditing) => {
    setSaved(undefined);
    setEditing(next);
  };

  return (
    <div className="space-y-4">
      {saved ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {saved}
        </p>
      ) : null}
      {connections.length === 0 && editing?.kind !== "add" ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-8 text-center">
          <h3 className="text-sm font-semibold text-slate-900">No connections yet</h3>
          <p className="mx-auto mt-2 max-w-xl text-sm text-slate-600">
            A connection holds this end user&apos;s credentials for a system their workflows call: the token-based
            authentication keys of their NetSuite account, or the secret that signs the webhooks sent to them. Workflow steps
            that need one fail with &ldquo;connection missing&rdquo; until it is added. Secrets are encrypted at rest and never
            shown again after saving.
            {canEdit ? null : " An admin can add one."}
          </p>
        </div>
      ) : null}
      {connections.length > 0 ? (
        <ul className="space-y-3">
          {connections.map((connection) => (
            <li key={connection.id} className="rounded-lg border border-slate-200 bg-white p-5" data-testid={`connection-${connection.connector}`}>
              {editing?.kind === "edit" && editing.id === connection.id ? (
                <>
                  <h3 className="mb-4 text-sm font-semibold text-slate-900">Edit {connection.connectorName} connection</h3>
                  <ConnectionForm
                    endUserId={endUserId}
                    connector={connection.connector}
                    connection={connection}
                    onSaved={() => done(`Saved the ${connection.connectorName} connection.`)}
                    onCancel={() => setEditing(null)}
                  />
                </>
              ) : (
                <ConnectionDetails
                  connection={connection}
                  actions={
                    canEdit ? (
                      <div className="flex items-start gap-2">
                        <Button variant="secondary" aria-label={`Edit the ${connection.connectorName} connection`} onClick={() => start({ kind: "edit", id: connection.id })}>
                          Edit
                        </Button>
                        <DeleteConnectionButton id={connection.id} label={`${connection.connectorName} connection “${connection.name}”`} />
                      </div>
                    ) : null
                  }
                />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {canEdit && available.length > 0 ? <AddConnection endUserId={endUserId} available={available} editing={editing} start={start} done={done} /> : null}
    </div>
  );
}

function ConnectionDetails({ connection, actions }: { connection: TConnectionSummary; actions: ReactNode }) {
  const fields = CONNECTION_KINDS[connection.connector].fields;
  return (
    <div>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="text-sm font-semibold text-slate-900">{connection.name}</h3>
          <p className="text-xs text-slate-500">
            {connection.connectorName} · updated {formatDateTime(connection.updatedAt)}
          </p>
        </div>
        {actions}
      </div>
      {connection.secretsReadable ? null : (
        <p role="alert" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          The stored secrets cannot be decrypted with the current ENCRYPTION_KEY. Edit the connection and enter them again.
        </p>
      )}
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {fields.map((field) => (
          <div key={field.key} className="contents">
            <dt className="text-slate-500">{field.label}</dt>
            <dd className="min-w-0 break-all text-slate-900">
              {field.secret ? (
                connection.secretsSet[field.key] ? (
                  <span className="rounded bg-green-50 px-2 py-0.5 text-xs text-green-700">Secret set</span>
                ) : (
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600">Not set</span>
                )
              ) : connection.config[field.key] ? (
                <span className="font-mono text-xs">{connection.config[field.key]}</span>
              ) : (
                <span className="text-slate-400">Not set</span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function AddConnection({
  endUserId,
  available,
  editing,
  start,
  done,
}: {
  endUserId: string;
  available: TConnectableConnector[];
  editing: TEditing;
  start: (next: TEditing) => void;
  done: (message: string) => void;
}) {
  const pickerId = useId();
  if (editing?.kind !== "add") {
    return (
      <Button variant="secondary" onClick={() => start({ kind: "add", connector: available[0]! })}>
        Add connection
      </Button>
    );
  }
  const kind = CONNECTION_KINDS[editing.connector];
  return (
    <section aria-labelledby={`${pickerId}-title`} className="rounded-lg border border-slate-200 bg-white p-5">
      <h3 id={`${pickerId}-title`} className="text-sm font-semibold text-slate-900">
        Add a connection
      </h3>
      <fieldset className="mt-3">
        <legend className="text-sm font-medium text-slate-700">Connector</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {available.map((connector) => (
            <label
              key={connector}
              className="flex cursor-pointer gap-3 rounded-md p-3 ring-1 ring-slate-300 has-[:checked]:ring-2 has-[:checked]:ring-brand-600"
            >
              <input
                type="radio"
                name={`${pickerId}-connector`}
                value={connector}
                checked={editing.connector === connector}
                onChange={() => start({ kind: "add", connector })}
                className="mt-1"
              />
              <span>
                <span className="block text-sm font-medium text-slate-900">{CONNECTION_KINDS[connector].name}</span>
                <span className="block text-xs text-slate-600">{CONNECTION_KINDS[connector].description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="mt-5">
        <ConnectionForm
          key={editing.connector}
          endUserId={endUserId}
          connector={editing.connector}
          onSaved={() => done(`Added the ${kind.name} connection.`)}
          onCancel={() => start(null)}
        />
      </div>
    </section>
  );
}
