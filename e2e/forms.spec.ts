import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { ADMIN_STORAGE_STATE, E2E_NETSUITE_URL } from "./support/e2e-env";
import { signInWithForm } from "./support/sign-in";
import { addStaffUserViaUi } from "./support/staff";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

type TInvoice = { externalId: string | null; tranId?: string; total: number };

/** axe on the page as it is: no serious or critical issue. */
async function expectNoSeriousAccessibilityIssues(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({ rule: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((node) => node.target.join(" ")) }));
  expect(serious, `accessibility issues on ${where}`).toEqual([]);
}

/** The seed enables the invoice form; if this database predates that, an admin turns it on here. */
async function ensureInvoiceFormEnabled(browser: Browser) {
  const admin = await browser.newContext({ storageState: ADMIN_STORAGE_STATE });
  const page = await admin.newPage();
  await page.goto("/events/create_invoice");
  const toggle = page.getByRole("switch", { name: "Form enabled" });
  if (!(await toggle.isChecked())) await toggle.check();
  await expect(page.getByRole("link", { name: "Open the form" })).toBeVisible();
  await admin.close();
}

async function signInAsNewOperator(browser: Browser, page: Page) {
  const admin = await browser.newContext({ storageState: ADMIN_STORAGE_STATE });
  const operator = { name: `Clara ${unique()}`, email: `clara-${unique()}@e2e.test`, password: "operator-password-forms" };
  await addStaffUserViaUi(await admin.newPage(), operator);
  await admin.close();
  await page.goto("/sign-in");
  await signInWithForm(page, operator.email, operator.password);
  await expect(page.getByRole("heading", { name: `Welcome, ${operator.name}` })).toBeVisible();
}

async function chooseEndUser(page: Page, userId: string) {
  const combobox = page.getByRole("combobox", { name: "End user" });
  await combobox.fill(userId.slice(0, 4));
  await page.getByRole("option", { name: new RegExp(`^${userId}`) }).click();
  await expect(combobox).toHaveValue(userId);
}

test.describe("as an operator", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("fires the invoice form: sees both errors, fixes them, and the run creates the invoice in NetSuite", async ({ page, browser, request }) => {
    await ensureInvoiceFormEnabled(browser);
    await signInAsNewOperator(browser, page);
    const invoiceId = `inv_e2e_${unique()}`;
    const invoiceNumber = `INV-E2E-${unique()}`;

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Forms" }).click();
    const row = page.getByTestId("form-row-create_invoice");
    await expect(row).toContainText("An invoice to create in the ERP (NetSuite).");
    await expect(row).toContainText("v1");
    await expect(page.getByRole("link", { name: /Configure form/ })).toHaveCount(0);
    await expectNoSeriousAccessibilityIssues(page, "the forms list");

    await row.getByRole("link", { name: "create_invoice" }).click();
    await expect(page.getByRole("heading", { name: "create_invoice", level: 1 })).toBeVisible();
    const amount = page.getByRole("textbox", { name: "Amount" });
    const number = page.getByRole("textbox", { name: "Invoice number" });
    const id = page.getByRole("textbox", { name: "Invoice id" });
    await expect(number).toHaveAttribute("placeholder", "INV-2026-0001");
    await expect(id).toHaveAccessibleDescription(/The invoice's id in your application/);
    await expectNoSeriousAccessibilityIssues(page, "the invoice form");

    await chooseEndUser(page, "demo-user");
    await id.fill(invoiceId);
    await amount.fill("abc");
    await page.getByRole("button", { name: "Submit" }).click();

    const summary = page.getByTestId("error-summary");
    await expect(summary).toBeFocused();
    await expect(summary).toHaveAttribute("role", "alert");
    await expect(summary.getByRole("link")).toHaveText(["Invoice number is required", "Amount must be a number, e.g. 1250.00"]);
    await expect(amount).toHaveValue("abc");
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(amount).toHaveAccessibleDescription(/Amount must be a number/);
    await expect(number).toHaveAccessibleDescription(/Invoice number is required/);
    await summary.getByRole("link", { name: "Amount must be a number, e.g. 1250.00" }).click();
    await expect(amount).toBeFocused();
    await expectNoSeriousAccessibilityIssues(page, "the invoice form with errors");

    await amount.fill("1250.50");
    await number.fill(invoiceNumber);
    await expect(summary).toBeHidden();
    await expect(amount).not.toHaveAttribute("aria-invalid", "true");
    await page.getByRole("button", { name: "Submit" }).click();

    const result = page.getByTestId("form-result");
    await expect(result.getByRole("heading", { name: "create_invoice fired for demo-user" })).toBeFocused();
    const run = result.getByRole("listitem").filter({ hasText: "Create NetSuite invoice" });
    await expect(run.getByText("Succeeded")).toBeVisible({ timeout: 30_000 });
    await expect(run.getByRole("link", { name: /Open run/ })).toHaveAttribute("href", /^\/runs\/[0-9a-f-]{36}$/);
    await expect(result.getByRole("link", { name: /^[0-9a-f-]{36}$/ })).toHaveAttribute("href", /^\/event-log\/[0-9a-f-]{36}$/);

    const invoices = (await (await request.get(`${E2E_NETSUITE_URL}/invoices`)).json()) as TInvoice[];
    expect(invoices.filter((invoice) => invoice.externalId === invoiceId)).toEqual([expect.objectContaining({ externalId: invoiceId, tranId: invoiceNumber, total: 1250.5 })]);

    await result.getByRole("button", { name: "Fire another" }).click();
    await expect(page.getByRole("combobox", { name: "End user" })).toHaveValue("demo-user");
    await expect(number).toHaveValue("");
    await expect(number).toBeFocused();

    // Operators use forms; only admins turn them on or off.
    await page.goto("/events/create_invoice");
    await expect(page.getByRole("link", { name: "Open the form" })).toBeVisible();
    await expect(page.getByRole("switch", { name: "Form enabled" })).toHaveCount(0);
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: ADMIN_STORAGE_STATE });

  test("fills and submits the form with the keyboard alone", async ({ page, browser, request }) => {
    await ensureInvoiceFormEnabled(browser);
    const invoiceId = `inv_kbd_${unique()}`;
    const invoiceNumber = `INV-KBD-${unique()}`;
    await page.goto("/forms");
    await expect(page.getByRole("link", { name: /Configure form/ })).toHaveAttribute("href", "/events/create_invoice#form-settings");
    await page.goto("/forms/create_invoice");

    const combobox = page.getByRole("combobox", { name: "End user" });
    await combobox.focus();
    await page.keyboard.type("demo-us");
    await expect(page.getByRole("option", { name: /^demo-user/ })).toBeVisible();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("option", { name: /^demo-user/ })).toHaveAttribute("aria-selected", "true");
    await page.keyboard.press("Enter");
    await expect(combobox).toHaveValue("demo-user");
    await expect(combobox).toHaveAttribute("aria-expanded", "false");

    await page.keyboard.press("Tab");
    await expect(page.getByRole("textbox", { name: "Invoice number" })).toBeFocused();
    await page.keyboard.type(invoiceNumber);
    await page.keyboard.press("Tab");
    await page.keyboard.type("99.90");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("textbox", { name: "Invoice id" })).toBeFocused();
    await page.keyboard.type(invoiceId);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Submit" })).toBeFocused();
    await page.keyboard.press("Enter");

    const result = page.getByTestId("form-result");
    await expect(result.getByRole("heading", { name: "create_invoice fired for demo-user" })).toBeFocused();
    await expect(result.getByText("Succeeded")).toBeVisible({ timeout: 30_000 });
    const invoices = (await (await request.get(`${E2E_NETSUITE_URL}/invoices`)).json()) as TInvoice[];
    expect(invoices.filter((invoice) => invoice.externalId === invoiceId)).toEqual([expect.objectContaining({ tranId: invoiceNumber, total: 99.9 })]);
  });

  test("a double click on Submit fires one event", async ({ page, browser }) => {
    await ensureInvoiceFormEnabled(browser);
    const runCount = async () => ((await (await page.request.get("/api/internal/runs?event=create_invoice")).json()) as { total: number }).total;
    await page.goto("/forms/create_invoice");
    await chooseEndUser(page, "demo-user");
    await page.getByRole("textbox", { name: "Invoice number" }).fill(`INV-DBL-${unique()}`);
    await page.getByRole("textbox", { name: "Amount" }).fill("10");
    await page.getByRole("textbox", { name: "Invoice id" }).fill(`inv_dbl_${unique()}`);
    const before = await runCount();

    await page.getByRole("button", { name: "Submit" }).dblclick();

    const result = page.getByTestId("form-result");
    await expect(result.getByText("Succeeded")).toBeVisible({ timeout: 30_000 });
    expect(await runCount()).toBe(before + 1);
  });

  test("turns the invoice form off and on: while off it is not listed and answers 404 with a link to enable it", async ({ page, browser }) => {
    await ensureInvoiceFormEnabled(browser);
    try {
      await page.goto("/events/create_invoice");
      const toggle = page.getByRole("switch", { name: "Form enabled" });
      await toggle.uncheck();
      await expect(page.getByTestId("form-status")).toContainText("Off");
      await expect(page.getByRole("link", { name: "Open the form" })).toHaveCount(0);

      await page.goto("/forms");
      await expect(page.getByRole("heading", { name: "Forms", level: 1 })).toBeVisible();
      await expect(page.getByTestId("form-row-create_invoice")).toHaveCount(0);
      const response = await page.goto("/forms/create_invoice");
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "This form is not enabled" })).toBeVisible();

      await page.getByRole("link", { name: "Enable it on the event's page" }).click();
      await expect(page).toHaveURL(/\/events\/create_invoice#form-settings$/);
      await page.getByRole("switch", { name: "Form enabled" }).check();
      await expect(page.getByTestId("form-status")).toContainText("On");
      await page.getByRole("link", { name: "Open the form" }).click();
      await expect(page.getByRole("heading", { name: "create_invoice", level: 1 })).toBeVisible();
    } finally {
      await ensureInvoiceFormEnabled(browser);
    }
  });
});
