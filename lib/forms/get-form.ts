import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { TJsonSchema } from "@/lib/schemas/types";

/** Why an event has no form to fill in: it does not exist, its form is off, or it is archived. */
export type TFormUnavailableReason = "missing" | "disabled" | "archived";

type TFormRow = { formEnabled: boolean; archivedAt: Date | null; currentVersionId: string | null } | null;

export function formUnavailableReason(event: TFormRow): TFormUnavailableReason | null {
  if (!event || !event.currentVersionId) return "missing";
  if (event.archivedAt) return "archived";
  if (!event.formEnabled) return "disabled";
  return null;
}

/** Refuses a form that staff cannot use, with the reason in words (house style 7). */
export function formUnavailableError(eventName: string, reason: TFormUnavailableReason): AppError {
  switch (reason) {
    case "missing":
      return new AppError("not_found", { message: `There is no Custom Event named "${eventName}".` });
    case "disabled":
      return new AppError("not_found", { message: `The form of "${eventName}" is not enabled. An admin can enable it on the event's page.` });
    case "archived":
      return new AppError("event_archived", { message: `The Custom Event "${eventName}" is archived, so its form cannot be used. Unarchive it to use it again.` });
  }
}

/** An enabled form: the event's current schema and UI schema, which the page renders with rjsf. */
export async function getFormOrThrow({ eventName }: { eventName: string }) {
  const event = await db().customEvent.findUnique({
    where: { name: eventName },
    include: { currentVersion: { select: { version: true, schema: true, uiSchema: true } } },
  });
  const reason = formUnavailableReason(event);
  if (reason || !event?.currentVersion) throw formUnavailableError(eventName, reason ?? "missing");
  return {
    name: event.name,
    description: event.description,
    version: event.currentVersion.version,
    schema: event.currentVersion.schema as TJsonSchema,
    uiSchema: (event.currentVersion.uiSchema ?? null) as TJsonSchema | null,
    lastFiredAt: event.lastFiredAt,
  };
}

export type TForm = Awaited<ReturnType<typeof getFormOrThrow>>;
