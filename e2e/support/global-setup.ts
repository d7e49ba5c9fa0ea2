import { mkdirSync } from "node:fs";
import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { ADMIN_STORAGE_STATE, E2E_ADMIN } from "./e2e-env";
import { signInOverHttp } from "./sign-in";

// Signs the seeded admin in once over HTTP; tests that need an admin reuse the session.
export default async function globalSetup(config: FullConfig) {
  const baseURL = config.projects[0]!.use.baseURL!;
  const context = await signInOverHttp(baseURL, E2E_ADMIN.email, E2E_ADMIN.password);
  mkdirSync(path.dirname(ADMIN_STORAGE_STATE), { recursive: true });
  await context.storageState({ path: ADMIN_STORAGE_STATE });
  await context.dispose();
}
