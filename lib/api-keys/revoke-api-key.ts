import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { forgetApiKey } from "@/lib/api-keys/authenticate-api-key";

export async function revokeApiKey({ id }: { id: string }) {
  const key = await db().apiKey.findUnique({ where: { id } });
  if (!key) throw new AppError("not_found", { message: "That API key does not exist." });
  const revoked = key.revokedAt ? key : await db().apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
  forgetApiKey(key.keyHash);
  return revoked;
}
