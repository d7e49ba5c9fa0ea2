import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signInWithForm } from "./support/sign-in";

// A separate server of our own on a fresh data directory: the one-time setup page, then a
// stop and start that must keep the admin and their data.
const PORT = 3211;
const BASE = `http://localhost:${PORT}`;
const DATA_DIR = ".data/e2e-restart";

function startServer(): ChildProcess {
  return spawn("npm", ["start"], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      ADMIN_EMAIL: "",
      ADMIN_PASSWORD: "",
      DATA_DIR,
      PORT: String(PORT),
      EMBEDDED_DATABASE_PORT: "54441",
      DEMO_NETSUITE_PORT: "4312",
      LOG_LEVEL: "warn",
    },
    stdio: "ignore",
  });
}

async function stopServer(server: ChildProcess) {
  const exited = new Promise<number | null>((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  return exited;
}

async function waitUntilReady() {
  await expect
    .poll(async () => (await fetch(`${BASE}/api/ready`).catch(() => null))?.status, { timeout: 60_000, intervals: [250] })
    .toBe(200);
}

test("first start offers a one-time setup; a restart keeps the admin", async ({ browser }) => {
  test.setTimeout(150_000);
  rmSync(DATA_DIR, { recursive: true, force: true });
  let server = startServer();
  try {
    await waitUntilReady();
    const context = await browser.newContext({ baseURL: BASE });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/setup$/);
    await page.getByLabel("Your name").fill("Ada Admin");
    await page.getByLabel("Email").fill("ada@restart.test");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create admin account" }).click();
    await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
    await page.getByLabel("Password").fill("ada-admin-password");
    await page.getByRole("button", { name: "Create admin account" }).click();
    await expect(page.getByRole("heading", { name: "Welcome, Ada Admin" })).toBeVisible();
    await context.close();

    expect(await stopServer(server)).toBe(0);
    server = startServer();
    await waitUntilReady();

    const again = await browser.newContext({ baseURL: BASE });
    const page2 = await again.newPage();
    await page2.goto("/setup");
    await expect(page2).toHaveURL(/\/sign-in$/);
    await signInWithForm(page2, "ada@restart.test", "ada-admin-password");
    await expect(page2.getByRole("heading", { name: "Welcome, Ada Admin" })).toBeVisible();
    await again.close();
  } finally {
    if (server.exitCode === null) await stopServer(server);
  }
});
