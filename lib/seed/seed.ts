import "server-only";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type pino from "pino";

// Demo and bootstrap data. Every step is an upsert or guarded insert, so running the seed again
// (every start runs it) changes nothing that is already there and never overwrites user edits.

export async function seed({ adminEmail, adminPassword, log }: {
  adminEmail?: string;
  adminPassword?: string;
  log: pino.Logger;
}) {
  await seedFirstAdmin({ adminEmail, adminPassword, log });
}

async function seedFirstAdmin({ adminEmail, adminPassword, log }: {
  adminEmail?: string;
  adminPassword?: string;
  log: pino.Logger;
}) {
  if (!adminEmail || !adminPassword) return;
  const passwordHash = await hashPassword(adminPassword);
  const created = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707370)`;
    if ((await tx.staffUser.count()) > 0) return null;
    return tx.staffUser.create({
      data: { email: adminEmail.toLowerCase(), name: "Administrator", role: "ADMIN", passwordHash },
    });
  });
  if (created) log.info({ email: created.email }, "created the first admin from ADMIN_EMAIL");
}
