import pino from "pino";
import { describe, expect, it } from "vitest";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { deleteCustomEvent } from "@/lib/custom-events/delete-custom-event";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { fireEvent } from "@/lib/events/fire-event";
import { startWorker } from "@/lib/jobs/start-worker";
import { DEMO_NETSUITE_ACCOUNT, startFakeNetSuite } from "@/lib/demo/fake-netsuite";
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
    expect(invoice.formEnabled).toBe(true);
  });

  it("wires demo-user to the fake NetSuite: firing create_invoice ends in a succeeded run that shows the new invoice", async () => {
    const netsuite = await startFakeNetSuite({ port: 0, accounts: [DEMO_NETSUITE_ACCOUNT] });
    const worker = await startWorker({ databaseUrl: env().DATABASE_URL!, concurrency: 2, log });
    try {
      await seed({ log, demoNetSuiteUrl: netsuite.url });
      await seed({ log, demoNetSuiteUrl: netsuite.url });
      expect(await db().workflow.findMany({ select: { name: true, status: true } })).toEqual([{ name: "Create NetSuite invoice", status: "ACTIVE" }]);
      const connection = await db().connection.findFirstOrThrow({ where: { endUser: { userId: "demo-user" } } });
      expect(connection.secrets).not.toContain(DEMO_NETSUITE_ACCOUNT.consumerSecret);

      const { result } = await fireEvent({
        actor: { type: "system", name: "Test" },
        source: "TEST",
        event: "create_invoice",
        userId: "demo-user",
        data: { id: "inv_demo_1", invoiceNumber: "INV-DEMO-1", invoiceAmount: 1250 },
      });
      expect(result.runs).toEqual([expect.objectContaining({ workflowName: "Create NetSuite invoice" })]);
      const runId = result.runs[0]!.runId;
      await expect.poll(async () => (await db().run.findUniqueOrThrow({ where: { id: runId } })).status, { timeout: 15_000 }).toBe("SUCCEEDED");
      const step = await db().runStep.findFirstOrThrow({ where: { runId } });
      expect(netsuite.invoices).toEqual([expect.objectContaining({ externalId: "inv_demo_1", tranId: "INV-DEMO-1", item: { items: [expect.objectContaining({ amount: 1250 })] } })]);
      expect(step.output).toMatchObject({ id: netsuite.invoices[0]!.id, externalId: "inv_demo_1" });
    } finally {
      await worker.stop();
      await netsuite.close();
    }
  });

  it("does not bring back demo data an admin deleted", async () => {
    // The admin clears the demo workflow (and its history) first, as the app requires.
    await db().run.deleteMany();
    await db().event.deleteMany();
    await db().workflow.deleteMany();
    await deleteCustomEvent({ name: "create_invoice" });
    await seed({ log, demoNetSuiteUrl: "http://127.0.0.1:9" });
    expect(await db().workflow.count()).toBe(0);
    expect(await db().customEvent.findUnique({ where: { name: "create_invoice" } })).toBeNull();
  });
});
