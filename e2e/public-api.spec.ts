import { expect, test } from "@playwright/test";
import { ADMIN_STORAGE_STATE } from "./support/e2e-env";

test.use({ storageState: ADMIN_STORAGE_STATE });

const unique = () => Math.random().toString(36).slice(2, 8);

test("an admin creates an API key, the application fires create_invoice with it, and revoking it locks the API", async ({ page, playwright, baseURL }) => {
  const keyName = `Billing service ${unique()}`;
  await page.goto("/api-keys");
  await page.getByLabel("Key name").fill(keyName);
  await page.getByRole("button", { name: "Create API key" }).click();
  const secret = (await page.getByTestId("new-api-key").textContent())!.trim();
  expect(secret).toMatch(/^ce_live_/);
  await expect(page.getByTestId(`api-key-row-${keyName}`)).toContainText(secret.slice(0, 12));
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);

  const app = await playwright.request.newContext({ baseURL });
  const userId = `customer-${unique()}`;
  const created = await app.post("/users", { headers: { authorization: `bearer ${secret}` }, data: { userId, fullName: "Casey Customer" } });
  expect(created.status()).toBe(201);

  const fired = await app.post("/run/event", {
    headers: { authorization: `bearer ${secret}`, "x-request-id": `e2e-${userId}` },
    data: { event: "create_invoice", userId, data: { id: "inv_42", invoiceNumber: "INV-42", invoiceAmount: 42.5 } },
  });
  expect(fired.status()).toBe(200);
  expect(fired.headers()["x-request-id"]).toBe(`e2e-${userId}`);
  const body = await fired.json();
  expect(body).toEqual({ message: "Event successfully triggered", eventId: expect.any(String), runs: [] });

  const invalid = await app.post("/run/event", {
    headers: { authorization: `bearer ${secret}` },
    data: { event: "create_invoice", userId, data: { id: "inv_43", invoiceAmount: "lots" } },
  });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).errors).toEqual([
    { path: "/invoiceAmount", message: "/invoiceAmount must be a number", keyword: "type" },
    { path: "/invoiceNumber", message: "invoiceNumber is required", keyword: "required" },
  ]);

  await page.goto(`/event-log?userId=${userId}`);
  await page.getByTestId(`event-log-row-${body.eventId}`).getByRole("link").click();
  await expect(page.getByTestId("event-payload")).toContainText('"invoiceNumber": "INV-42"');
  await expect(page.getByText(`This event matched no active workflow for ${userId}`)).toBeVisible();

  page.once("dialog", (dialog) => dialog.accept());
  await page.goto("/api-keys");
  await page.getByRole("button", { name: `Revoke ${keyName}` }).click();
  await expect(page.getByTestId(`api-key-row-${keyName}`)).toContainText("Revoked");
  await expect
    .poll(async () => (await app.post("/run/event", { headers: { authorization: `bearer ${secret}` }, data: { event: "create_invoice", userId, data: {} } })).status())
    .toBe(401);
  await app.dispose();
});

test("staff send a test event from the event's page and find it in the event log", async ({ page }) => {
  await page.goto("/events/create_invoice");
  const panel = page.getByRole("region", { name: "Send a test event" });
  await panel.getByLabel("End user").fill("demo-user");
  await panel.getByLabel("Data").fill(JSON.stringify({ id: `inv_${unique()}`, invoiceNumber: "INV-TEST", invoiceAmount: 10 }));
  await panel.getByRole("button", { name: "Send test event" }).click();
  await expect(panel.getByRole("status")).toContainText("Event successfully triggered");
  // demo-user's seeded workflow picks it up.
  await expect(panel.getByRole("status")).toContainText("Runs queued: Create NetSuite invoice");

  await panel.getByLabel("Data").fill(JSON.stringify({ id: "x", invoiceNumber: "INV-BAD", invoiceAmount: "ten" }));
  await panel.getByRole("button", { name: "Send test event" }).click();
  await expect(panel.getByRole("alert")).toContainText("/invoiceAmount must be a number");

  await page.goto("/event-log?source=TEST&event=create_invoice");
  await expect(page.getByRole("cell", { name: "Test" }).first()).toBeVisible();
});

test("an admin creates an end user and opens it", async ({ page }) => {
  const userId = `acme-${unique()}`;
  await page.goto("/end-users");
  await page.getByLabel("userId").fill(userId);
  await page.getByLabel("Full name").fill("Acme Corp");
  await page.getByRole("button", { name: "Create end user" }).click();
  await expect(page.getByRole("heading", { name: "Acme Corp" })).toBeVisible();
  await expect(page.getByText(`userId ${userId}`)).toBeVisible();
  await expect(page.getByText("No events yet")).toBeVisible();
});
