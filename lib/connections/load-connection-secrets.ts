import "server-only";
import { db } from "@/lib/db";
import { readConnectionSecrets } from "@/lib/connections/read-connection-secrets";

/**
 * The end user's connection for a connector with its secrets decrypted, settings and secrets in
 * one record (TCallContext.connection), or null when there is none. For the worker and "Test
 * step" only: the result must never reach a browser, a log or a stored run step.
 * Throws when the stored secrets cannot be decrypted (ENCRYPTION_KEY changed).
 */
export async function loadConnectionForRun({ endUserId, connector }: { endUserId: string; connector: string }): Promise<Record<string, string> | null> {
  const row = await db().connection.findUnique({
    where: { endUserId_connector: { endUserId, connector } },
    select: { config: true, secrets: true },
  });
  if (!row) return null;
  const secrets = readConnectionSecrets(row.secrets);
  if (!secrets) {
    throw new Error(`The stored ${connector} connection secrets cannot be decrypted with the current ENCRYPTION_KEY; re-enter them on the end user's page.`);
  }
  const config = row.config && typeof row.config === "object" && !Array.isArray(row.config) ? (row.config as Record<string, unknown>) : {};
  const settings = Object.fromEntries(Object.entries(config).filter((e): e is [string, string] => typeof e[1] === "string"));
  return { ...settings, ...secrets };
}
