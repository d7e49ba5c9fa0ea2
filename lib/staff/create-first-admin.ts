import "server-only";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors/app-error";
import { ZCreateFirstAdminInput, type TCreateFirstAdminInput } from "@/lib/staff/schemas";

// The one-time setup: creates the first admin only while no staff user exists. A transaction
// advisory lock makes two simultaneous setups produce one admin, not two.
export async function createFirstAdmin(input: TCreateFirstAdminInput) {
  const data = ZCreateFirstAdminInput.parse(input);
  const passwordHash = await hashPassword(data.password);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707370)`;
    if ((await tx.staffUser.count()) > 0) {
      throw new AppError("conflict", { message: "Setup is already complete. Sign in instead." });
    }
    return tx.staffUser.create({ data: { email: data.email, name: data.name, role: "ADMIN", passwordHash } });
  });
}

export async function isSetupComplete() {
  return (await db().staffUser.count()) > 0;
}
