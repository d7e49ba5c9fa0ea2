"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/require-role";
import { runAction } from "@/lib/http/run-action";
import { deleteConnection } from "@/lib/connections/delete-connection";
import { saveConnection } from "@/lib/connections/save-connection";
import { ZSaveConnectionInput, type TSaveConnectionInput } from "@/lib/connections/schemas";
import { AppError } from "@/lib/errors/app-error";

// Connections hold an end user's credentials: only admins add, change or delete them.
// Operators see the list (settings and "secret set" flags) read-only on the end user's page.

export async function saveConnectionAction(input: TSaveConnectionInput) {
  return runAction(async () => {
    const admin = await requireRole("ADMIN");
    const { endUserId, connector, name, values } = ZSaveConnectionInput.parse(input);
    const connection = await saveConnection({ actor: { type: "staff", id: admin.id, name: admin.name }, endUserId, connector, name, values });
    revalidatePath("/end-users/[userId]", "page");
    return connection;
  });
}

export async function deleteConnectionAction(id: string) {
  return runAction(async () => {
    const admin = await requireRole("ADMIN");
    if (typeof id !== "string" || !/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("not_found", { message: "That connection was not found." });
    await deleteConnection({ actor: { type: "staff", id: admin.id, name: admin.name }, id });
    revalidatePath("/end-users/[userId]", "page");
    return null;
  });
}
