import { expect, test } from "@playwright/test";
import { WRONG_CREDENTIALS } from "../components/auth/sign-in-form";
import { ADMIN_STORAGE_STATE, E2E_ADMIN } from "./support/e2e-env";
import { signInWithForm } from "./support/sign-in";
import { addStaffUserViaUi } from "./support/staff";

const unique = () => Math.random().toString(36).slice(2, 8);

test("admin signs in, creates an operator and signs out; the operator is refused admin pages", async ({ page, browser }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await signInWithForm(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page.getByRole("heading", { name: `Welcome, ${E2E_ADMIN.name}` })).toBeVisible();
  for (const area of ["Events", "Workflows", "Runs", "Forms", "End users", "API keys", "Settings"]) {
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: area })).toBeVisible();
  }

  const operator = { name: `Olive ${unique()}`, email: `olive-${unique()}@e2e.test`, password: "operator-password-1" };
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("link", { name: "Staff users" })).toBeVisible();
  await addStaffUserViaUi(page, operator);
  const row = page.getByTestId(`staff-row-${operator.email}`);
  await expect(row).toContainText(operator.name);
  await expect(row).toContainText("Operator");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  const operatorContext = await browser.newContext();
  const operatorPage = await operatorContext.newPage();
  await operatorPage.goto("/sign-in");
  await signInWithForm(operatorPage, operator.email, operator.password);
  await expect(operatorPage.getByRole("heading", { name: `Welcome, ${operator.name}` })).toBeVisible();
  const nav = operatorPage.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Runs" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "API keys" })).toHaveCount(0);

  for (const adminPath of ["/settings/staff", "/settings", "/api-keys"]) {
    const response = await operatorPage.goto(adminPath);
    expect(response?.status(), adminPath).toBe(403);
    await expect(operatorPage.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  }
  await operatorContext.close();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await signInWithForm(page, E2E_ADMIN.email, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: WRONG_CREDENTIALS })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByLabel("Password")).toHaveValue("");
});

test("a signed-out visitor is sent to sign in and then back where they were going", async ({ page }) => {
  await page.goto("/runs?status=failed");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fruns%3Fstatus%3Dfailed/);
  await signInWithForm(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/runs\?status=failed$/);
  await expect(page.getByRole("heading", { name: "Runs", level: 1 })).toBeVisible();
  await expect(page.getByRole("form", { name: "Filter runs" }).getByLabel("Status")).toHaveValue("FAILED");
});

test("pages check the session on the server, not only in the proxy", async ({ request }) => {
  // A forged session cookie gets past the proxy's cookie check but not the page's own check.
  const response = await request.get("/settings/staff", {
    headers: { cookie: "next-auth.session-token=forged" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(307);
  expect(response.headers()["location"]).toBe("/sign-in");
});

test.describe("as an admin", () => {
  test.use({ storageState: ADMIN_STORAGE_STATE });

  test("disabling a staff user ends their session at once and blocks sign-in", async ({ page, browser }) => {
    const user = { name: `Dana ${unique()}`, email: `dana-${unique()}@e2e.test`, password: "operator-password-2" };
    await addStaffUserViaUi(page, user);
    await expect(page.getByTestId(`staff-row-${user.email}`)).toContainText("Active");

    const other = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const otherPage = await other.newPage();
    await otherPage.goto("/sign-in");
    await signInWithForm(otherPage, user.email, user.password);
    await expect(otherPage.getByRole("heading", { name: `Welcome, ${user.name}` })).toBeVisible();

    await page.getByRole("button", { name: `Disable ${user.email}` }).click();
    await expect(page.getByTestId(`staff-row-${user.email}`)).toContainText("Disabled");

    await otherPage.goto("/runs");
    await expect(otherPage).toHaveURL(/\/sign-in/);
    await signInWithForm(otherPage, user.email, user.password);
    await expect(otherPage.getByRole("alert").filter({ hasText: WRONG_CREDENTIALS })).toBeVisible();
    await other.close();
  });

  test("an admin cannot demote or disable the last admin (themselves)", async ({ page }) => {
    await page.goto("/settings/staff");
    const me = page.getByTestId(`staff-row-${E2E_ADMIN.email}`);
    await expect(me).toContainText("You");
    await expect(me.getByRole("button")).toHaveCount(0);
  });
});

test("health and readiness endpoints report the process, database, migrations and worker", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready", ready: true, checks: { database: true, migrations: true, worker: true } });
  expect(ready.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});
