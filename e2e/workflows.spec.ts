import { expect, test, type Page } from "@playwright/test";
import { ADMIN_STORAGE_STATE, E2E_NETSUITE_URL } from "./support/e2e-env";

// The whole loop through the UI: an end user's NetSuite connection, a workflow whose mapping is
// built by picking, dragging and typing, activation (refused while a required field is unmapped),
// an event fired through the public API, and the run watched until it succeeds, with the invoice
// in the (fake) NetSuite. Then a run that fails is retried from the run page.

test.use({ storageState: ADMIN_STORAGE_STATE });

const unique = () => Math.random().toString(36).slice(2, 8);

async function createApiKey(page: Page) {
  await page.goto("/api-keys");
  await page.getByLabel("Key name").fill(`Workflow e2e ${unique()}`);
  await page.getByRole("button", { name: "Create API key" }).click();
  return (await page.getByTestId("new-api-key").textContent())!.trim();
}

function row(page: Page, pointer: string) {
  return page.getByTestId(`mapping-row-${pointer}`);
}

test("an admin maps create_invoice into NetSuite in the UI, activates it, fires the event and watches the run succeed", async ({ page, playwright, baseURL }) => {
  const id = unique();
  const userId = `acme-${id}`;
  const secret = await createApiKey(page);
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `bearer ${secret}` } });
  expect((await api.post("/api/v1/users", { data: { userId, fullName: "Acme Corp" } })).status()).toBe(201);

  // The end user's NetSuite connection (the fake NetSuite's demo credentials).
  await page.goto(`/end-users/${userId}`);
  await page.getByRole("button", { name: "Add connection" }).click();
  await page.getByLabel("Connection name").fill("Acme NetSuite");
  await page.getByLabel("Account ID").fill("DEMO123");
  await page.getByLabel("Consumer key").fill("demo-consumer-key");
  await page.getByLabel("Consumer secret").fill("demo-consumer-secret");
  await page.getByLabel("Token ID").fill("demo-token-id");
  await page.getByLabel("Token secret").fill("demo-token-secret");
  await page.getByLabel("REST base URL (optional)").fill(E2E_NETSUITE_URL);
  await page.getByRole("button", { name: "Add connection" }).click();
  await expect(page.getByText("Acme NetSuite")).toBeVisible();
  await expect(page.getByText("demo-consumer-secret")).toHaveCount(0);

  // A new workflow on create_invoice, for this end user only.
  const name = `Invoices to NetSuite ${id}`;
  await page.goto("/workflows/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Triggered by").selectOption({ label: "create_invoice" });
  await page.getByRole("button", { name: "Create workflow" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.getByLabel("Only chosen end users").check();
  await page.getByLabel("Filter end users").fill(userId);
  await page.getByRole("checkbox", { name: userId }).check();

  await page.getByLabel("Action").selectOption({ label: "Create invoice" });
  await page.getByRole("button", { name: "Add step" }).click();
  await expect(page.getByTestId("mapping-summary")).toContainText("required");

  // externalId ← id, picked from the select; tranId ← invoiceNumber, dragged from the tree;
  // the line amount ← invoiceAmount, picked with the keyboard-friendly "Pick" button.
  await row(page, "/externalId").getByLabel(/^Source for/).selectOption("event");
  await row(page, "/externalId").getByLabel(/^Event field for/).selectOption("/id");
  await row(page, "/tranId").getByLabel(/^Source for/).selectOption("event");
  // HTML5 drag and drop, with the same events a browser fires (dragstart → dragover → drop).
  const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
  await page.getByTestId("event-field-/invoiceNumber").dispatchEvent("dragstart", { dataTransfer });
  await page.getByTestId("mapping-drop-/tranId").dispatchEvent("dragover", { dataTransfer });
  await page.getByTestId("mapping-drop-/tranId").dispatchEvent("drop", { dataTransfer });
  await expect(row(page, "/tranId").getByLabel(/^Event field for/)).toHaveValue("/invoiceNumber");
  await page.getByRole("button", { name: /^Pick .*\(\/invoiceAmount\)$/ }).click();
  await row(page, "/item/items/0/amount").getByRole("button", { name: /^Map .* to / }).click();
  await expect(row(page, "/item/items/0/amount").getByLabel(/^Event field for/)).toHaveValue("/invoiceAmount");

  // Still unmapped: the customer and the item. Activation must wait.
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/Saved as version \d+/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Activate" })).toBeDisabled();
  await expect(page.getByRole("region", { name: /Before it can be activated/ })).toContainText('"Customer internal ID" is required');

  await row(page, "/entity/id").getByLabel(/^Source for/).selectOption("constant");
  await row(page, "/entity/id").getByLabel(/^Constant for/).fill("42");
  await row(page, "/item/items/0/item/id").getByLabel(/^Source for/).selectOption("constant");
  await row(page, "/item/items/0/item/id").getByLabel(/^Constant for/).fill("7");
  await row(page, "/memo").getByLabel(/^Source for/).selectOption("expression");
  await row(page, "/memo").getByLabel(/^Expression for/).fill("'Invoice ' & data.invoiceNumber & ' for ' & endUser.userId");

  // Preview shows the exact request, with the signature redacted.
  await page.getByLabel(/^End user/).selectOption(userId);
  await page.getByRole("button", { name: "Preview" }).click();
  const trial = page.getByTestId("step-trial-result");
  await expect(trial).toContainText("/services/rest/record/v1/invoice");
  await expect(trial).toContainText('"externalId"');
  await expect(trial).not.toContainText("demo-token-secret");

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/Saved as version \d+/)).toBeVisible();
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByText("Active: new events now start runs.")).toBeVisible();

  // The customer's application fires the event.
  const invoiceNumber = `INV-${id}`;
  const fired = await api.post("/run/event", {
    data: { event: "create_invoice", userId, data: { id: `inv_${id}`, invoiceNumber, invoiceAmount: 310.25 } },
  });
  expect(fired.status()).toBe(200);
  const body = (await fired.json()) as { runs: { runId: string; workflowName: string }[] };
  expect(body.runs).toEqual([expect.objectContaining({ workflowName: name })]);
  const runId = body.runs[0]!.runId;

  // The run page updates by itself until the run succeeds, and shows the invoice NetSuite created.
  await page.goto(`/runs/${runId}`);
  await expect(page.getByRole("region", { name: "Run summary" }).locator("[data-status]").first()).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 20_000 });
  await expect(page.getByText("Create invoice").first()).toBeVisible();

  const invoices = (await (await playwright.request.newContext()).get(`${E2E_NETSUITE_URL}/invoices`).then((r) => r.json())) as Record<string, unknown>[];
  const invoice = invoices.find((i) => i.tranId === invoiceNumber);
  expect(invoice).toMatchObject({
    externalId: `inv_${id}`,
    entity: { id: "42" },
    memo: `Invoice ${invoiceNumber} for ${userId}`,
    item: { items: [{ item: { id: "7" }, amount: 310.25 }] },
  });

  // The public API reports the same run.
  const apiRun = await api.get(`/api/v1/runs/${runId}`);
  expect(apiRun.status()).toBe(200);
  expect(await apiRun.json()).toMatchObject({ runId, status: "succeeded", steps: [{ name: "Create invoice", status: "succeeded", attempts: 1 }] });

  // It is listed in the run history.
  await page.goto(`/runs?workflowId=${(await apiRun.json()).workflowId}`);
  await expect(page.getByRole("link", { name: name }).first()).toBeVisible();
});

test("a failed run is retried from the run page, first with its own version, then with the fixed current one", async ({ page, playwright, baseURL }) => {
  const id = unique();
  const userId = `retry-${id}`;
  const secret = await createApiKey(page);
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `bearer ${secret}` } });
  expect((await api.post("/api/v1/users", { data: { userId } })).status()).toBe(201);

  // Version 2 (version 1 is the empty draft) calls a URL that answers 404: a client error, so the run fails without retrying.
  const name = `Ping ${id}`;
  await page.goto("/workflows/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Triggered by").selectOption({ label: "create_invoice" });
  await page.getByRole("button", { name: "Create workflow" }).click();
  await page.getByLabel("Only chosen end users").check();
  await page.getByLabel("Filter end users").fill(userId);
  await page.getByRole("checkbox", { name: userId }).check();
  await page.getByLabel("Action").selectOption({ label: "HTTP request" });
  await page.getByRole("button", { name: "Add step" }).click();
  await row(page, "/url").getByLabel(/^Source for/).selectOption("constant");
  await row(page, "/url").getByLabel(/^Constant for/).fill(`${baseURL}/api/no-such-endpoint`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved as version 2.")).toBeVisible();
  await page.getByRole("button", { name: "Activate" }).click();
  await expect(page.getByText("Active: new events now start runs.")).toBeVisible();

  const fired = await api.post("/run/event", { data: { event: "create_invoice", userId, data: { id: `r_${id}`, invoiceNumber: `R-${id}`, invoiceAmount: 1 } } });
  const runId = ((await fired.json()) as { runs: { runId: string }[] }).runs[0]!.runId;
  await page.goto(`/runs/${runId}`);
  const status = page.getByRole("region", { name: "Run summary" }).locator("[data-status]").first();
  await expect(status).toHaveAttribute("data-status", "FAILED", { timeout: 20_000 });
  await expect(page.getByText(/404/).first()).toBeVisible();

  // Retry with the same version: confirmed in a dialog, a new run, failing the same way.
  await page.getByRole("button", { name: "Retry", exact: true }).click();
  await page.getByRole("button", { name: /Retry with version 2 \(the one this run used, still current\)/ }).click();
  await expect(page).not.toHaveURL(new RegExp(`/runs/${runId}$`));
  await expect(status).toHaveAttribute("data-status", "FAILED", { timeout: 20_000 });

  // Fix the URL (version 3), then retry the original run with the current version.
  await page.goto("/workflows");
  await page.getByRole("link", { name }).click();
  await row(page, "/url").getByLabel(/^Constant for/).fill(`${baseURL}/api/health`);
  await row(page, "/method").getByLabel(/^Source for/).selectOption("constant");
  await row(page, "/method").getByLabel(/^Constant for/).selectOption({ label: "GET" });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved as version 3.")).toBeVisible();

  await page.goto(`/runs/${runId}`);
  await page.getByRole("button", { name: "Retry", exact: true }).click();
  await page.getByRole("button", { name: "Retry with version 3 (current)" }).click();
  await expect(page).not.toHaveURL(new RegExp(`/runs/${runId}$`));
  await expect(status).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 20_000 });
});
