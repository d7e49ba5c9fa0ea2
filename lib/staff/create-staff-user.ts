import "server-only";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { translatePrismaError } from "@/lib/errors/app-error";
import { ZCreateStaffUserInput, type TCreateStaffUserInput } from "@/lib/staff/schemas";

export async function createStaffUser(input: TCreateStaffUserInput) {
  const data = ZCreateStaffUserInput.parse(input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db().staffUser.create({
      data: { email: data.email, name: data.name, role: data.role, passwordHash },
    });
  } catch (error) {
    translatePrismaError(error, `A staff user with the email ${data.email}`);
  }
}
