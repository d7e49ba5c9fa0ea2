// Fixed settings of the e2e server; tests create everything else with unique names.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATA_DIR = ".data/e2e";
export const E2E_DATABASE_PORT = 54439;
export const E2E_ADMIN = { email: "admin@e2e.test", password: "e2e-admin-password", name: "Administrator" };
export const ADMIN_STORAGE_STATE = "e2e/.auth/admin.json";
/** The demo's fake NetSuite beside the e2e server; GET /invoices lists what it received. */
export const E2E_NETSUITE_PORT = 4311;
export const E2E_NETSUITE_URL = `http://127.0.0.1:${E2E_NETSUITE_PORT}`;
