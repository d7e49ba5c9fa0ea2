import "server-only";
import { CONNECTION_KINDS, isConnectableConnector, secretFieldKeys } from "@/lib/connections/connection-fields";
import { readConnectionSecrets } from "@/lib/connections/read-connection-secrets";
import type { TConnectionSummary } from "@/lib/connections/types";

type TConnectionRow = { id: string; connector: string; name: string; config: unknown; secrets: string; updatedAt: Date };

function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

/**
 * What the admin app may see of a connection. The secrets are opened here, on the server, only
 * to tell which are set; the summary carries booleans, never a secret.
 */
export function serializeConnection(row: TConnectionRow): TConnectionSummary | null {
  if (!isConnectableConnector(row.connector)) return null;
  const secrets = readConnectionSecrets(row.secrets);
  return {
    id: row.id,
    connector: row.connector,
    connectorName: CONNECTION_KINDS[row.connector].name,
    name: row.name,
    config: stringRecord(row.config),
    secretsSet: Object.fromEntries(secretFieldKeys(row.connector).map((key) => [key, Boolean(secrets?.[key])])),
    secretsReadable: secrets !== null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
