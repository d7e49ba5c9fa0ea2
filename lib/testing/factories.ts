import "server-only";
import { randomBytes } from "node:crypto";
import type { TActor } from "@/lib/auth/actor";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createCustomEvent } from "@/lib/custom-events/create-custom-event";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// Test data made through the real domain functions, with unique names.

export const unique = (prefix = "") => `${prefix}${randomBytes(4).toString("hex")}`;
export const testActor: TActor = { type: "system", name: "Test" };

export const INVOICE_SCHEMA = {
  type: "object",
  properties: {
    id: { type: "string" },
    invoiceNumber: { type: "string" },
    invoiceAmount: { type: "number" },
  },
  required: ["id", "invoiceNumber", "invoiceAmount"],
};

export async function makeCustomEvent(overrides: { name?: string; schema?: Record<string, unknown>; sample?: unknown } = {}) {
  return createCustomEvent({
    actor: testActor,
    input: {
      name: overrides.name ?? unique("invoice_"),
      description: "Test event",
      schema: overrides.schema ?? structuredClone(INVOICE_SCHEMA),
      sample: overrides.sample ?? { id: "1", invoiceNumber: "INV-1", invoiceAmount: 10 },
    },
  });
}

/** A workflow whose current version maps the given event fields (pointers) into a step. */
export async function makeWorkflow({ customEventId, name, usesFields = [] }: { customEventId: string; name?: string; usesFields?: string[] }) {
  const workflow = await db().workflow.create({ data: { name: name ?? unique("Workflow "), customEventId } });
  const steps = [
    {
      id: "step-1",
      name: "Create invoice",
      action: "netsuite.createInvoice",
      mapping: Object.fromEntries(usesFields.map((path, i) => [`/target${i}`, { source: "event", path }])),
    },
  ];
  const version = await db().workflowVersion.create({
    data: { workflowId: workflow.id, version: 1, steps: steps as Prisma.InputJsonValue },
  });
  return db().workflow.update({ where: { id: workflow.id }, data: { currentVersionId: version.id } });
}

export async function makeApiKey(name = unique("key ")) {
  return createApiKey({ input: { name }, createdById: null });
}

export async function makeEndUser(userId = unique("user-")) {
  const { createEndUser } = await import("@/lib/end-users/create-end-user");
  return createEndUser({ userId, fullName: "Test User" });
}

export async function activate(workflowId: string) {
  return db().workflow.update({ where: { id: workflowId }, data: { status: "ACTIVE" } });
}
