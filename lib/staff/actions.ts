"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/require-role";
import { runAction } from "@/lib/http/run-action";
import { createFirstAdmin } from "@/lib/staff/create-first-admin";
import { createStaffUser } from "@/lib/staff/create-staff-user";
import { updateStaffUser } from "@/lib/staff/update-staff-user";
import { ZStaffRole, type TCreateFirstAdminInput, type TCreateStaffUserInput, type TStaffRole } from "@/lib/staff/schemas";

export async function createFirstAdminAction(input: TCreateFirstAdminInput) {
  return runAction(async () => {
    const user = await createFirstAdmin(input);
    return { email: user.email };
  });
}

export async function createStaffUserAction(input: TCreateStaffUserInput) {
  return runAction(async () => {
    await requireRole("ADMIN");
    const user = await createStaffUser(input);
    revalidatePath("/settings/staff");
    return { id: user.id, email: user.email };
  });
}

export async function changeStaffRoleAction(userId: string, role: TStaffRole) {
  return runAction(async () => {
    const actor = await requireRole("ADMIN");
    await updateStaffUser({ actorId: actor.id, userId, role: ZStaffRole.parse(role) });
    revalidatePath("/settings/staff");
    return null;
  });
}

export async function setStaffDisabledAction(userId: string, disabled: boolean) {
  return runAction(async () => {
    const actor = await requireRole("ADMIN");
    await updateStaffUser({ actorId: actor.id, userId, disabled: disabled === true });
    revalidatePath("/settings/staff");
    return null;
  });
}
