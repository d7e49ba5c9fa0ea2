import "server-only";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type pino from "pino";
import { DEMO_INVOICE_EVENT } from "@/lib/seed/demo-invoice-event";
import { createCustomEvent } from "@/lib/custom-events/create-custom-event";
import { hashApiKey } from "@/lib/api-keys/api-key-format";
import { createApiKey } from "@/lib/api-keys/create-api-key";

export const DEMO_USER_ID = "demo-user";

// Demo and bootstrap data. Every step is an upsert or guarded insert, so running the seed again
// (every start runs it) changes nothing that is already there and never overwrites user edits.

export async function seed({ adminEmail, adminPassword, demoApiKey, log }: {
  adminEmail?: string;
  adminPassword?: string;
  demoApiKey?: string;
  log: pino.Logger;
}) {
  await seedFirstAdmin({ adminEmail, adminPassword, log });
  await seedDemoInvoiceEvent({ log });
  await once("seed.demo_end_user", async () => {
    await db().endUser.upsert({ where: { userId: DEMO_USER_ID }, create: { userId: DEMO_USER_ID, username: "demo", fullName: "Demo User" }, update: {} });
  });
  if (demoApiKey) await seedDemoApiKey({ secret: demoApiKey, log });
}

/** DEMO_API_KEY registers that exact key (once), so demos and scripts can call the API. */
async function seedDemoApiKey({ secret, log }: { secret: string; log: pino.Logger }) {
  if (await db().apiKey.findUnique({ where: { keyHash: hashApiKey(secret) } })) return;
  await createApiKey({ input: { name: "Demo key (DEMO_API_KEY)" }, createdById: null, secret }).catch((error) => {
    if ((error as { code?: string }).code !== "conflict") throw error;
  });
  log.info("registered DEMO_API_KEY");
}

/** Runs a seed step once per database; a demo object an admin later deletes stays deleted. */
async function once(key: string, step: () => Promise<void>) {
  if (await db().appSetting.findUnique({ where: { key } })) return;
  await step();
  await db().appSetting.upsert({ where: { key }, create: { key, value: true }, update: {} });
}

async function seedDemoInvoiceEvent({ log }: { log: pino.Logger }) {
  await once("seed.demo_invoice_event", async () => {
    if (await db().customEvent.findUnique({ where: { name: DEMO_INVOICE_EVENT.name } })) return;
    try {
      await createCustomEvent({
        actor: { type: "system", name: "Demo seed" },
        input: structuredClone(DEMO_INVOICE_EVENT) as never,
      });
      log.info({ event: DEMO_INVOICE_EVENT.name }, "seeded the demo Custom Event");
    } catch (error) {
      // Another process seeding at the same moment won the race; that is fine.
      if ((error as { code?: string }).code !== "conflict") throw error;
    }
  });
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
