import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { getCustomEventOrThrow } from "@/lib/custom-events/get-custom-event";
import { saveCustomEventVersion } from "@/lib/custom-events/save-custom-event-version";

/** Restoring never rewrites history: the old version is saved again as the newest one. */
export async function restoreCustomEventVersion({ actor, name, version }: { actor: TActor; name: string; version: number }) {
  const event = await getCustomEventOrThrow(name);
  const old = await db().customEventVersion.findUnique({
    where: { customEventId_version: { customEventId: event.id, version } },
  });
  if (!old) throw new AppError("not_found", { message: `"${name}" has no version ${version}.` });
  if (old.id === event.currentVersionId) {
    throw new AppError("conflict", { message: `Version ${version} is already the current version.` });
  }
  return saveCustomEventVersion({
    actor,
    note: `Restored from version ${version}`,
    input: {
      name,
      description: event.description,
      schema: old.schema as Record<string, unknown>,
      uiSchema: (old.uiSchema as Record<string, unknown> | null) ?? null,
      sample: old.sample ?? undefined,
      confirmBreaking: true, // choosing an old version is the confirmation
    },
  });
}
