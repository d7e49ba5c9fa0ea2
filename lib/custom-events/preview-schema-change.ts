import "server-only";
import { getCustomEventOrThrow } from "@/lib/custom-events/get-custom-event";
import { findWorkflowsUsingFields } from "@/lib/workflows/find-workflows-using-fields";
import { diffSchemas, hasBreakingChanges } from "@/lib/schemas/schema-diff";
import type { TJsonSchema } from "@/lib/schemas/types";

/** What saving this schema would change, which changes break callers, and which workflows read the changed fields. */
export async function previewSchemaChange({ name, schema }: { name: string; schema: TJsonSchema }) {
  const event = await getCustomEventOrThrow(name);
  const changes = diffSchemas(event.currentVersion.schema as TJsonSchema, schema);
  const breaking = changes.filter((c) => c.breaking);
  const affectedWorkflows = breaking.length
    ? await findWorkflowsUsingFields({ customEventId: event.id, fields: breaking.map((c) => c.path) })
    : [];
  return { currentVersion: event.currentVersion.version, changes, breaking: hasBreakingChanges(changes), affectedWorkflows };
}

export type TSchemaChangePreview = Awaited<ReturnType<typeof previewSchemaChange>>;
