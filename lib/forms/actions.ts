"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/require-role";
import { runAction } from "@/lib/http/run-action";
import { ZSetFormEnabledInput, ZSubmitFormInput, type TSetFormEnabledInput, type TSubmitFormInput } from "@/lib/forms/schemas";
import { setFormEnabled } from "@/lib/forms/set-form-enabled";
import { submitForm } from "@/lib/forms/submit-form";

/**
 * Submits a generated form (operators and admins). The data is validated again on the server,
 * by fireEvent; its field errors come back as `fieldErrors` keyed by JSON pointer without the
 * leading slash ("invoiceAmount", "lines/0/amount").
 */
export async function submitFormAction(input: TSubmitFormInput) {
  return runAction(async () => {
    const staff = await requireRole("OPERATOR");
    const { eventName, userId, data, idempotencyKey } = ZSubmitFormInput.parse(input);
    return submitForm({ actor: { type: "staff", id: staff.id, name: staff.name }, eventName, userId, data, idempotencyKey });
  });
}

/** Turns an event's form on or off (admins only). */
export async function setFormEnabledAction(input: TSetFormEnabledInput) {
  return runAction(async () => {
    await requireRole("ADMIN");
    const { eventName, enabled } = ZSetFormEnabledInput.parse(input);
    const event = await setFormEnabled({ eventName, enabled });
    revalidatePath("/forms");
    revalidatePath(`/forms/${encodeURIComponent(eventName)}`);
    revalidatePath(`/events/${encodeURIComponent(eventName)}`);
    return event;
  });
}
