// Builds the app, then starts the production server (`npm start`) on a fresh embedded database.
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { assertLocalDatabase } from "./assert-local-database";
import { E2E_ADMIN, E2E_DATA_DIR, E2E_DATABASE_PORT, E2E_NETSUITE_PORT, E2E_PORT } from "./e2e-env";

assertLocalDatabase(process.env.DATABASE_URL);
rmSync(E2E_DATA_DIR, { recursive: true, force: true });

const build = spawnSync("npm", ["run", "build"], { stdio: ["ignore", "inherit", "inherit"] });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn("npm", ["start"], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL ?? "",
    DATA_DIR: E2E_DATA_DIR,
    PORT: String(E2E_PORT),
    EMBEDDED_DATABASE_PORT: String(E2E_DATABASE_PORT),
    DEMO_NETSUITE_PORT: String(E2E_NETSUITE_PORT),
    ADMIN_EMAIL: E2E_ADMIN.email,
    ADMIN_PASSWORD: E2E_ADMIN.password,
    LOG_LEVEL: "warn",
  },
});
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
