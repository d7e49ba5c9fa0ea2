import { z } from "zod";
import { isUnstorableText } from "@/lib/db/database-errors";

/** An optional free-text field of at most 255 characters that PostgreSQL can store. */
function optionalText(field: string) {
  return z
    .string({ error: `${field} must be a string` })
    .trim()
    .max(255, { error: `${field} is at most 255 characters` })
    .refine((v) => !isUnstorableText(v), { error: `${field} must not contain a NUL character or an unpaired surrogate` })
    .optional();
}

const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._:@|+-]{0,254}$/;

export const ZCreateEndUserInput = z.object({
  userId: z
    .string({ error: "userId must be a string" })
    .regex(USER_ID, { error: "userId must be 1-255 characters: letters, digits and . _ : @ | + -, starting with a letter or digit" })
    .optional(),
  username: optionalText("username"),
  fullName: optionalText("fullName"),
});
export type TCreateEndUserInput = z.input<typeof ZCreateEndUserInput>;
