import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { getCustomEventOrThrow } from "@/lib/custom-events/get-custom-event";

/** Turns an event's staff form on or off. An archived event's form can be turned off, not on. */
export async function setFormEnabled({ eventName, enabled }: { eventName: string; enabled: boolean }) {
  const event = await getCustomEventOrThrow(eventName);
  if (enabled && event.archivedAt) {
    throw new AppError("event_archived", { message: `The Custom Event "${eventName}" is archived. Unarchive it before enabling its form.` });
  }
  return db().customEvent.update({ where: { id: event.id }, data: { formEnabled: enabled }, select: { name: true, formEnabled: true } });
}
