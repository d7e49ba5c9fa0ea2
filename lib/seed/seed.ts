import "server-only";
import { db } from "@/lib/db";
import type pino from "pino";
import { DEMO_INVOICE_EVENT } from "@/lib/seed/demo-invoice-event";
import { createCustomEvent } from "@/lib/custom-events/create-custom-event";
import { hashApiKey } from "@/lib/api-keys/api-key-format";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { isAppError } from "@/lib/errors/app-error";
import { createFirstAdmin } from "@/lib/staff/create-first-admin";
import { encryptJson } from "@/lib/crypto/secret-box";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEMO_NETSUITE_ACCOUNT } from "@/lib/demo/fake-netsuite";
import { DEMO_WORKFLOW_NAME, DEMO_WORKFLOW_STEPS } from "@/lib/seed/demo-netsuite-workflow";

export const DEMO_USER_ID = "demo-user";

// Demo and bootstrap data. Every step is an upsert or guarded insert, so running the seed again
// (every start runs it) changes nothing that is already there and never overwrites user edits.

export async function seed({ adminEmail, adminPassword, demoApiKey, demoNetSuiteUrl, log }: {
  adminEmail?: string;
  adminPassword?: string;
  demoApiKey?: string;
  /** Where the demo's fake NetSuite listens; without it no demo connection/workflow is seeded. */
  demoNetSuiteUrl?: string;
  log: pino.Logger;
}) {
  await seedFirstAdmin({ adminEmail, adminPassword, log });
  await seedDemoInvoiceEvent({ log });
  await once("seed.demo_end_user", async () => {
    await db().endUser.upsert({ where: { userId: DEMO_USER_ID }, create: { userId: DEMO_USER_ID, username: "demo", fullName: "Demo User" }, update: {} });
  });
  if (demoApiKey) await seedDemoApiKey({ secret: demoApiKey, log });
  if (demoNetSuiteUrl) await seedDemoNetSuiteWorkflow({ baseUrl: demoNetSuiteUrl, log });
}

/**
 * demo-user's NetSuite connection (to the fake NetSuite started beside the app) and the active
 * workflow "Create NetSuite invoice" on create_invoice, so that firing the demo event ends in a
 * succeeded run whose step output shows the new invoice.
 */
async function seedDemoNetSuiteWorkflow({ baseUrl, log }: { baseUrl: string; log: pino.Logger }) {
  await once("seed.demo_netsuite_workflow", async () => {
    const [endUser, event] = await Promise.all([
      db().endUser.findUnique({ where: { userId: DEMO_USER_ID } }),
      db().customEvent.findUnique({ where: { name: DEMO_INVOICE_EVENT.name } }),
    ]);
    if (!endUser || !event?.currentVersionId) return; // an admin removed the demo objects
    const { consumerSecret, tokenSecret, ...settings } = DEMO_NETSUITE_ACCOUNT;
    await db().connection.upsert({
      where: { endUserId_connector: { endUserId: endUser.id, connector: "netsuite" } },
      create: {
        endUserId: endUser.id,
        connector: "netsuite",
        name: "Demo NetSuite (fake, local)",
        config: { ...settings, baseUrl },
        secrets: encryptJson({ consumerSecret, tokenSecret }, env().ENCRYPTION_KEY!),
      },
      update: {},
    });
    if (await db().workflow.findFirst({ where: { name: DEMO_WORKFLOW_NAME } })) return;
    // For demo-user only: the connection is theirs, and other end users' events stay untouched.
    const workflow = await db().workflow.create({
      data: { name: DEMO_WORKFLOW_NAME, customEventId: event.id, status: "ACTIVE", allEndUsers: false, endUsers: { create: { endUserId: endUser.id } } },
    });
    const version = await db().workflowVersion.create({ data: { workflowId: workflow.id, version: 1, steps: DEMO_WORKFLOW_STEPS as Prisma.InputJsonValue } });
    await db().workflow.update({ where: { id: workflow.id }, data: { currentVersionId: version.id } });
    log.info({ workflow: DEMO_WORKFLOW_NAME, netsuite: baseUrl }, "seeded the demo NetSuite connection and workflow");
  });
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
    if (created) {
      // Its staff form (the invoice form) is on, so clerks can fire it from the admin app.
      await db().customEvent.update({ where: { name: DEMO_INVOICE_EVENT.name }, data: { formEnabled: true } });
      log.info({ event: DEMO_INVOICE_EVENT.name }, "seeded the demo Custom Event with its form enabled");
    }
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
