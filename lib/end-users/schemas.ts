import { z } from "zod";

const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._:@|+-]{0,254}$/;

export const ZCreateEndUserInput = z.object({
  userId: z
    .string({ error: "userId must be a string" })
    .regex(USER_ID, { error: "userId must be 1-255 characters: letters, digits and . _ : @ | + -, starting with a letter or digit" })
    .optional(),
  username: z.string({ error: "username must be a string" }).trim().max(255, { error: "username is at most 255 characters" }).optional(),
  fullName: z.string({ error: "fullName must be a string" }).trim().max(255, { error: "fullName is at most 255 characters" }).optional(),
});
export type TCreateEndUserInput = z.input<typeof ZCreateEndUserInput>;
