import "server-only";
import { db } from "@/lib/db";
import { verifyAgainstDummy, verifyPassword } from "@/lib/auth/password";

/** Checks an email and password; returns the user or null (unknown, wrong or disabled alike). */
export async function authenticateStaffUser({ email, password }: { email: string; password: string }) {
  const user = await db().staffUser.findUnique({
    where: { email: email.trim().toLowerCase() },
    omit: { passwordHash: false },
  });
  if (!user) {
    await verifyAgainstDummy(password);
    return null;
  }
  const ok = await verifyPassword(user.passwordHash, password);
  if (!ok || user.disabledAt) return null;
  await db().staffUser.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
