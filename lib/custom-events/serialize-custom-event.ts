import type { TJsonSchema } from "@/lib/schemas/types";

type TRow = {
  name: string;
  description: string;
  archivedAt: Date | null;
  currentVersion: { version: number; schema: unknown; createdAt: Date } | null;
};

/** The public API's view of an event: never raw rows. */
export function serializeCustomEvent(event: TRow) {
  return {
    name: event.name,
    description: event.description,
    version: event.currentVersion?.version ?? 0,
    schema: (event.currentVersion?.schema ?? {}) as TJsonSchema,
    archived: event.archivedAt !== null,
    updatedAt: event.currentVersion?.createdAt.toISOString() ?? null,
  };
}
