"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/require-role";
import { createEndUser } from "@/lib/end-users/create-end-user";
import type { TCreateEndUserInput } from "@/lib/end-users/schemas";
import { runAction } from "@/lib/http/run-action";

export async function createEndUserAction(input: TCreateEndUserInput) {
  return runAction(async () => {
    await requireRole("ADMIN");
    const user = await createEndUser({
      userId: input.userId?.trim() || undefined,
      username: input.username?.trim() || undefined,
      fullName: input.fullName?.trim() || undefined,
    });
    revalidatePath("/end-users");
    return { userId: user.userId };
  });
}
