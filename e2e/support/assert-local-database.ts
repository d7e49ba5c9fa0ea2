// The e2e run wipes its database. It refuses any DATABASE_URL that is not on this machine, so
// a mis-set variable can never point it at a shared or production server.
export function assertLocalDatabase(url: string | undefined) {
  if (!url) return;
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run e2e tests against a non-local database (${host}). Unset DATABASE_URL.`);
  }
}
