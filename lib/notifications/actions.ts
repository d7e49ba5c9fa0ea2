"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/require-role";
import { runAction } from "@/lib/http/run-action";
import { rotateNotificationSecret } from "@/lib/notifications/rotate-notification-secret";
import { saveNotificationSettings } from "@/lib/notifications/save-notification-settings";
import type { TNotificationSettingsInput } from "@/lib/notifications/schemas";
import { sendTestNotification } from "@/lib/notifications/send-test-notification";

const PAGE = "/settings/notifications";

export async function saveNotificationSettingsAction(input: TNotificationSettingsInput) {
  return runAction(async () => {
    const admin = await requireRole("ADMIN");
    const result = await saveNotificationSettings({ actor: { type: "staff", id: admin.id, name: admin.name }, input });
    revalidatePath(PAGE);
    return result;
  });
}

export async function rotateNotificationSecretAction() {
  return runAction(async () => {
    const admin = await requireRole("ADMIN");
    const result = await rotateNotificationSecret({ actor: { type: "staff", id: admin.id, name: admin.name } });
    revalidatePath(PAGE);
    return result;
  });
}

export async function sendTestNotificationAction() {
  return runAction(async () => {
    await requireRole("ADMIN");
    return sendTestNotification();
  });
}
