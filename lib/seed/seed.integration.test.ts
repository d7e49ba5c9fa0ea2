import pino from "pino";
import { describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { deleteCustomEvent } from "@/lib/custom-events/delete-custom-event";
import { db } from "@/lib/db";
import { seed } from "./seed";

const log = pino({ level: "silent" });
const DEMO_KEY = `ce_live_${"d".repeat(43)}`;

describe("seed", () => {
  it("creates the admin, create_invoice, demo-user and the demo key, and is harmless to re-run", async () => {
    const options = { adminEmail: "Admin@Example.com", adminPassword: "admin-password-1", demoApiKey: DEMO_KEY, log };
    await seed(options);
    await seed(options);

    expect(await db().staffUser.findMany({ select: { email: true, role: true } })).toEqual([{ email: "admin@example.com", role: "ADMIN" }]);
    const invoice = await db().customEvent.findUniqueOrThrow({ where: { name: "create_invoice" }, include: { currentVersion: true } });
    expect(invoice.currentVersion).toMatchObject({
      version: 1,
      schema: { required: ["id", "invoiceNumber", "invoiceAmount"] },
      uiSchema: expect.objectContaining({ "ui:order": ["invoiceNumber", "invoiceAmount", "id"] }),
    });
    expect(await db().endUser.findUnique({ where: { userId: "demo-user" } })).toMatchObject({ fullName: "Demo User" });
    expect(await db().apiKey.count()).toBe(1);
    expect(await authenticateApiKey(`Bearer ${DEMO_KEY}`)).toMatchObject({ name: "Demo key (DEMO_API_KEY)" });
  });

  it("does not bring back demo data an admin deleted", async () => {
    await deleteCustomEvent({ name: "create_invoice" });
    await seed({ log });
    expect(await db().customEvent.findUnique({ where: { name: "create_invoice" } })).toBeNull();
  });
});
