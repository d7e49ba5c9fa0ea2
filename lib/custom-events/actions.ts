"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/require-role";
import type { TActor } from "@/lib/auth/actor";
import { runAction } from "@/lib/http/run-action";
import { createCustomEvent } from "@/lib/custom-events/create-custom-event";
import { deleteCustomEvent } from "@/lib/custom-events/delete-custom-event";
import { previewSchemaChange } from "@/lib/custom-events/preview-schema-change";
import { restoreCustomEventVersion } from "@/lib/custom-events/restore-custom-event-version";
import { saveCustomEventVersion } from "@/lib/custom-events/save-custom-event-version";
import { setCustomEventArchived } from "@/lib/custom-events/set-custom-event-archived";
import type { TSaveCustomEventInput } from "@/lib/custom-events/schemas";
import type { TJsonSchema } from "@/lib/schemas/types";

async function adminActor(): Promise<TActor> {
  const admin = await requireRole("ADMIN");
  return { type: "staff", id: admin.id, name: admin.name };
}

function revalidate(name?: string) {
  revalidatePath("/events");
  if (name) revalidatePath(`/events/${encodeURIComponent(name)}`);
}

export async function createCustomEventAction(input: TSaveCustomEventInput) {
  return runAction(async () => {
    const actor = await adminActor();
    const event = await createCustomEvent({ actor, input });
    revalidate(event.name);
    return { name: event.name, version: 1 };
  });
}

export async function previewSchemaChangeAction(name: string, schema: TJsonSchema) {
  return runAction(async () => {
    await requireRole("ADMIN");
    return previewSchemaChange({ name: String(name), schema });
  });
}

export async function saveCustomEventVersionAction(input: TSaveCustomEventInput) {
  return runAction(async () => {
    const actor = await adminActor();
    const { version, created } = await saveCustomEventVersion({ actor, input });
    revalidate(input.name);
    return { version: version.version, created };
  });
}

export async function restoreCustomEventVersionAction(name: string, version: number) {
  return runAction(async () => {
    const actor = await adminActor();
    const result = await restoreCustomEventVersion({ actor, name: String(name), version: Number(version) });
    revalidate(name);
    return { version: result.version.version };
  });
}

export async function setCustomEventArchivedAction(name: string, archived: boolean) {
  return runAction(async () => {
    await requireRole("ADMIN");
    await setCustomEventArchived({ name: String(name), archived: archived === true });
    revalidate(name);
    return null;
  });
}

export async function deleteCustomEventAction(name: string) {
  return runAction(async () => {
    await requireRole("ADMIN");
    await deleteCustomEvent({ name: String(name) });
    revalidate();
    return null;
  });
}
