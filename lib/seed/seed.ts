import "server-only";
import { db } from "@/lib/db";
import type pino from "pino";
import { DEMO_INVOICE_EVENT } from "@/lib/seed/demo-invoice-event";
import { createCustomEvent } from "@/lib/custom-events/create-custom-event";
import { hashApiKey } from "@/lib/api-keys/api-key-format";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { isAppError } from "@/lib/errors/app-error";
import { createFirstAdmin } from "@/lib/staff/create-first-admin";

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
  if (await ignoreConflict(createApiKey({ input: { name: "Demo key (DEMO_API_KEY)" }, createdById: null, secret }))) {
    log.info("registered DEMO_API_KEY");
  }
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
    const created = await ignoreConflict(
      createCustomEvent({ actor: { type: "system", name: "Demo seed" }, input: structuredClone(DEMO_INVOICE_EVENT) as never }),
    );
    if (created) log.info({ event: DEMO_INVOICE_EVENT.name }, "seeded the demo Custom Event");
  });
}

async function seedFirstAdmin({ adminEmail, adminPassword, log }: {
  adminEmail?: string;
  adminPassword?: string;
  log: pino.Logger;
}) {
  if (!adminEmail || !adminPassword) return;
  // Only at first start: once any staff user exists, setup is complete and this is a no-op.
  const created = await ignoreConflict(createFirstAdmin({ email: adminEmail, name: "Administrator", password: adminPassword }));
  if (created) log.info({ email: created.email }, "created the first admin from ADMIN_EMAIL");
}

/** A seed step that loses a race with another process (or finds its work done) is fine. */
async function ignoreConflict<T>(work: Promise<T>): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (isAppError(error) && error.code === "conflict") return null;
    throw error;
  }
}
