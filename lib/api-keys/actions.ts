"use server";

import { revalidatePath } from "next/cache";
import { requireRole } from "@/lib/auth/require-role";
import { runAction } from "@/lib/http/run-action";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import type { TCreateApiKeyInput } from "@/lib/api-keys/schemas";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";

export async function createApiKeyAction(input: TCreateApiKeyInput) {
  return runAction(async () => {
    const admin = await requireRole("ADMIN");
    const { apiKey, secret } = await createApiKey({ input, createdById: admin.id });
    revalidatePath("/api-keys");
    return { id: apiKey.id, name: apiKey.name, prefix: apiKey.prefix, secret };
  });
}

export async function revokeApiKeyAction(id: string) {
  return runAction(async () => {
    await requireRole("ADMIN");
    await revokeApiKey({ id: String(id) });
    revalidatePath("/api-keys");
    return null;
  });
}
