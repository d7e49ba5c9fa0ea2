import "server-only";
import { db } from "@/lib/db";
import { displayPrefix, generateApiKeySecret, hashApiKey, looksLikeApiKey } from "@/lib/api-keys/api-key-format";
import { AppError } from "@/lib/errors/app-error";
import { ZCreateApiKeyInput, type TCreateApiKeyInput } from "@/lib/api-keys/schemas";


/** Creates a key and returns its secret, which is never available again. */
export async function createApiKey({ input, createdById, secret }: { input: TCreateApiKeyInput; createdById: string | null; secret?: string }) {
  const { name } = ZCreateApiKeyInput.parse(input);
  const value = secret ?? generateApiKeySecret();
  if (!looksLikeApiKey(value)) {
    throw new AppError("validation_failed", { message: "API keys look like ce_live_ followed by 43 base64url characters." });
  }
  const apiKey = await db().apiKey.create({
    data: { name, prefix: displayPrefix(value), keyHash: hashApiKey(value), createdById },
    select: { id: true, name: true, prefix: true, createdAt: true },
  });
  return { apiKey, secret: value };
}
