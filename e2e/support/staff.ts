import { expect, type Page } from "@playwright/test";

export type TStaffUser = { name: string; email: string; password: string };

/** Adds a staff user through Settings → Staff users, as an admin would. */
export async function addStaffUserViaUi(page: Page, user: TStaffUser, role: "OPERATOR" | "ADMIN" = "OPERATOR") {
  await page.goto("/settings/staff");
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByLabel("Role").selectOption(role);
  await page.getByRole("button", { name: "Add staff user" }).click();
  await expect(page.getByRole("status")).toHaveText(`${user.email} can now sign in.`);
}
