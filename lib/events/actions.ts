"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/require-role";
import { fireEvent, hashRequest } from "@/lib/events/fire-event";
import { parseRunEventBody } from "@/lib/events/parse-run-event-body";
import { runAction } from "@/lib/http/run-action";

/**
 * "Send a test event" from an event's page: the same path as POST /run/event, recorded with
 * source TEST and the staff user. The client sends one idempotency key per send, so a double
 * click stores one event.
 */
export async function sendTestEventAction(input: { event: string; userId: string; data: unknown; idempotencyKey: string }) {
  return runAction(async () => {
    const staff = await requireRole("OPERATOR");
    const body = parseRunEventBody({ event: input.event, userId: input.userId, data: input.data });
    const { result } = await fireEvent({
      actor: { type: "staff", id: staff.id, name: staff.name },
      source: "TEST",
      ...body,
      idempotency: { scope: `staff:${staff.id}`, key: String(input.idempotencyKey).slice(0, 255), requestHash: hashRequest(body) },
    });
    revalidatePath("/event-log");
    return result;
  });
}
