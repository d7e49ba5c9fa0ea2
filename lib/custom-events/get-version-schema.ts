import "server-only";
import { db } from "@/lib/db";
import type { TJsonSchema } from "@/lib/schemas/types";

// Versions are immutable, so their schemas are cached forever (bounded), by version id.
const cache = new Map<string, TJsonSchema>();

export async function getVersionSchema(versionId: string): Promise<TJsonSchema> {
  const hit = cache.get(versionId);
  if (hit) return hit;
  const version = await db().customEventVersion.findUniqueOrThrow({ where: { id: versionId }, select: { schema: true } });
  if (cache.size > 1_000) cache.delete(cache.keys().next().value!);
  cache.set(versionId, version.schema as TJsonSchema);
  return version.schema as TJsonSchema;
}
