import { expect, test, type Page } from "@playwright/test";
import { ADMIN_STORAGE_STATE } from "./support/e2e-env";
import { signInWithForm } from "./support/sign-in";
import { addStaffUserViaUi } from "./support/staff";

test.use({ storageState: ADMIN_STORAGE_STATE });

const unique = () => Math.random().toString(36).slice(2, 8);

async function addField(page: Page, index: number, name: string, type: string) {
  await page.getByRole("button", { name: "Add field" }).click();
  const row = page.getByTestId(`field-row-fields.${index}`);
  await row.getByLabel("Field name").fill(name);
  await row.getByLabel(/^Type of /).selectOption({ label: type });
}

test("create create_invoice in the visual editor, then see a field removal flagged as breaking", async ({ page }) => {
  const name = `create_invoice_${unique()}`;
  await page.goto("/events");
  await page.getByRole("link", { name: "New event" }).click();
  await page.getByLabel("Event name").fill(name);
  await page.getByLabel("Description").fill("An invoice to create in NetSuite");
  await addField(page, 0, "id", "Text");
  await addField(page, 1, "invoiceNumber", "Text");
  await addField(page, 2, "invoiceAmount", "Number");

  const preview = page.getByTestId("form-preview");
  for (const label of ["id", "invoiceNumber", "invoiceAmount"]) {
    await expect(preview.getByLabel(label)).toBeVisible();
  }

  await page.getByRole("tab", { name: "JSON Schema" }).click();
  const json = JSON.parse(await page.getByLabel("JSON Schema (draft 2020-12)").inputValue());
  expect(json).toMatchObject({
    type: "object",
    properties: { id: { type: "string" }, invoiceNumber: { type: "string" }, invoiceAmount: { type: "number" } },
    required: ["id", "invoiceNumber", "invoiceAmount"],
  });

  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${name}$`));
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByText(/^Version 1, saved/)).toBeVisible();

  await page.getByRole("button", { name: "Remove invoiceAmount" }).click();
  await expect(page.getByRole("region", { name: "Changes since version 1" })).toContainText("Breaking");
  await page.getByRole("button", { name: "Save as version 2" }).click();
  const warning = page.getByRole("alertdialog");
  await expect(warning).toContainText(`This change breaks callers of “${name}”`);
  await expect(warning).toContainText("invoiceAmount");
  await expect(page.getByText(/^Version 1, saved/)).toBeVisible();

  await warning.getByLabel("I understand; save it anyway").check();
  await warning.getByRole("button", { name: "Save breaking change" }).click();
  await expect(page.getByText(/^Version 2, saved/)).toBeVisible();

  await page.getByRole("link", { name: "History" }).click();
  await expect(page.getByTestId("version-2")).toContainText("Breaking");
  await expect(page.getByTestId("version-1")).toBeVisible();
});

test("infer a schema from the documentation's short-form sample", async ({ page }) => {
  await page.goto("/events/new");
  await page.getByLabel("Event name").fill(`inferred_${unique()}`);
  await page.getByRole("tab", { name: "Sample & inference" }).click();
  await page.getByLabel("Sample payload (the event's data)").fill('{"id": "String", "invoiceNumber": "String", "invoiceAmount": 2}');
  await page.getByRole("button", { name: "Infer schema from sample" }).click();

  await expect(page.getByRole("tab", { name: "Fields" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("field-row-fields.0").getByLabel("Field name")).toHaveValue("id");
  await expect(page.getByTestId("field-row-fields.2").getByLabel("Field name")).toHaveValue("invoiceAmount");
  await expect(page.getByTestId("field-row-fields.2").getByLabel("Type of invoiceAmount")).toHaveValue("number");
});

test("the seeded create_invoice event is listed with its version and fields", async ({ page }) => {
  await page.goto("/events");
  const row = page.getByTestId("event-row-create_invoice");
  await expect(row).toContainText("v1");
  await expect(row).toContainText("id, invoiceNumber, invoiceAmount");
});

test("field names that are not camelCase get a suggestion, not a block", async ({ page }) => {
  await page.goto("/events/new");
  await page.getByLabel("Event name").fill(`snake_fields_${unique()}`);
  await addField(page, 0, "invoice_number", "Text");
  await expect(page.getByRole("list", { name: "Suggestions" })).toContainText("field names are usually camelCase, e.g. invoiceNumber");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByText(/^Version 1, saved/)).toBeVisible();
});

test.describe("as an operator", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("an operator can read an event and send a test event, but not edit or create schemas", async ({ page, browser }) => {
    const admin = await browser.newContext({ storageState: ADMIN_STORAGE_STATE });
    const adminPage = await admin.newPage();
    const operator = { name: `Otto ${unique()}`, email: `otto-${unique()}@e2e.test`, password: "operator-password-3" };
    await addStaffUserViaUi(adminPage, operator);
    await admin.close();

    await page.goto("/sign-in");
    await signInWithForm(page, operator.email, operator.password);
    await expect(page.getByRole("heading", { name: `Welcome, ${operator.name}` })).toBeVisible();

    await page.goto("/events");
    await expect(page.getByRole("link", { name: "New event" })).toHaveCount(0);
    await page.getByRole("link", { name: "create_invoice", exact: true }).click();
    await expect(page.getByRole("button", { name: /Save as version/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Send a test event" })).toBeVisible();

    const response = await page.goto("/events/new");
    expect(response?.status()).toBe(403);
  });
});
