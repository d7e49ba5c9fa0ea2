import "server-only";
import { db } from "@/lib/db";
import { serializeConnection } from "@/lib/connections/serialize-connection";
import type { TConnectionSummary } from "@/lib/connections/types";

/** The end user's connections for the admin app: settings and "secret set" flags, never secrets. */
export async function listConnections({ endUserId }: { endUserId: string }): Promise<TConnectionSummary[]> {
  const rows = await db().connection.findMany({ where: { endUserId }, orderBy: [{ connector: "asc" }] });
  return rows.map(serializeConnection).filter((c): c is TConnectionSummary => c !== null);
}
