import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { fireEvent, hashRequest } from "@/lib/events/fire-event";
import { formUnavailableError, formUnavailableReason } from "@/lib/forms/get-form";
import type { TFormSubmission } from "@/lib/forms/schemas";

export type TStaffActor = Extract<TActor, { type: "staff" }>;

/**
 * A staff user's form submission: fires the event through the same path as POST /run/event,
 * recorded with source FORM and the staff user. The idempotency key is made once per rendered
 * form, so a double click or a resubmitted page answers with the first submission's result
 * instead of storing a second event. Invalid data is refused by fireEvent with an AppError
 * (data_invalid) whose details point at each field (`/invoiceAmount`).
 */
export async function submitForm({
  actor,
  eventName,
  userId,
  data,
  idempotencyKey,
}: {
  actor: TStaffActor;
  eventName: string;
  userId: string;
  data: Record<string, unknown>;
  idempotencyKey: string;
}): Promise<TFormSubmission> {
  const event = await db().customEvent.findUnique({
    where: { name: eventName },
    select: { formEnabled: true, archivedAt: true, currentVersionId: true },
  });
  const reason = formUnavailableReason(event);
  if (reason) throw formUnavailableError(eventName, reason);

  const body = { event: eventName, userId, data };
  const { result, replayed } = await fireEvent({
    actor,
    source: "FORM",
    ...body,
    idempotency: { scope: `form:${actor.id}`, key: idempotencyKey, requestHash: hashRequest(body) },
  });
  return { eventId: result.eventId, runs: result.runs, replayed };
}
