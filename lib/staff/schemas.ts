import { z } from "zod";

// Input schemas shared by server actions and react-hook-form resolvers (house style 12).

export const ZStaffRole = z.enum(["ADMIN", "OPERATOR"]);
export type TStaffRole = z.infer<typeof ZStaffRole>;

const email = z
  .email({ error: "Enter a valid email address." })
  .max(254)
  .transform((v) => v.trim().toLowerCase());
const password = z
  .string()
  .min(12, { error: "Use at least 12 characters." })
  .max(200, { error: "Use at most 200 characters." });
const name = z.string().trim().min(1, { error: "Enter a name." }).max(100);

export const ZCreateStaffUserInput = z.object({ email, name, password, role: ZStaffRole });
export type TCreateStaffUserInput = z.input<typeof ZCreateStaffUserInput>;

export const ZCreateFirstAdminInput = z.object({ email, name, password });
export type TCreateFirstAdminInput = z.input<typeof ZCreateFirstAdminInput>;

export const ZSignInInput = z.object({
  email: z.string().trim().min(1, { error: "Enter your email." }),
  password: z.string().min(1, { error: "Enter your password." }),
});
export type TSignInInput = z.infer<typeof ZSignInInput>;
