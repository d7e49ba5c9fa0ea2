import type { PoolConfig } from "pg";

/** Connection fields from a postgres:// URL (the Prisma adapter wants fields, not a URL). */
export function poolConfigFromUrl(url: string, max: number): PoolConfig {
  const u = new URL(url);
  const sslmode = u.searchParams.get("sslmode");
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    ssl: sslmode && sslmode !== "disable" ? { rejectUnauthorized: sslmode === "verify-full" } : undefined,
    max,
    connectionTimeoutMillis: 5_000,
    // TCP keepalive, so a connection whose server vanished (failover, a dropped NAT entry) is
    // found dead instead of waiting forever.
    keepAlive: true,
  };
}
