import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { poolConfigFromUrl } from "@/lib/db/pg-config";

// One pg pool and one Prisma client per process, kept on globalThis so that module reloads (and
// the second copy of lib/ that Next's bundle holds beside the launcher's) share them. Prisma
// runs on that pool; `sql()` gives the hot path direct access to it, because a Prisma raw query
// costs several times a plain pg round trip (see docs/benchmarks.md). Password hashes are
// omitted from every query unless a caller asks for them explicitly.

export const STATEMENT_TIMEOUT_MS = 30_000;

function createClient(pool: pg.Pool) {
  return new PrismaClient({ adapter: new PrismaPg(pool), omit: { staffUser: { passwordHash: true } } });
}

export type TDb = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { customEventsDb?: TDb; customEventsPool?: pg.Pool };

export function pool(): pg.Pool {
  if (!globalForDb.customEventsPool) {
    const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
    if (!DATABASE_URL) throw new Error("DATABASE_URL is not set; start the app with `npm start`");
    // statement_timeout: PostgreSQL cancels a statement stuck longer (on a lock, say), so the
    // caller's error means it did not commit; nothing the app asks takes that long. pg's own
    // limit, twice that, only catches a dead connection (outcome unknown; pg drops it).
    const created = new pg.Pool({
      ...poolConfigFromUrl(DATABASE_URL, DATABASE_POOL_SIZE),
      statement_timeout: STATEMENT_TIMEOUT_MS,
      query_timeout: 2 * STATEMENT_TIMEOUT_MS,
    });
    // An idle client whose server went away must not crash the process; the next query reconnects.
    created.on("error", () => undefined);
    globalForDb.customEventsPool = created;
  }
  return globalForDb.customEventsPool;
}

export function db(): TDb {
  globalForDb.customEventsDb ??= createClient(pool());
  return globalForDb.customEventsDb;
}

/**
 * A parameterised query on the shared pool, for the few hot paths that need plain pg speed.
 * With a `name`, the statement is prepared once per connection and reused: planning a large
 * statement costs more than running it.
 */
export async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = [], name?: string): Promise<T[]> {
  return (await pool().query<T>(name ? { name, text, values } : { text, values })).rows;
}

export async function disconnectDb() {
  const client = globalForDb.customEventsDb;
  const openPool = globalForDb.customEventsPool;
  globalForDb.customEventsDb = undefined;
  globalForDb.customEventsPool = undefined;
  await client?.$disconnect();
  await openPool?.end().catch(() => undefined);
}
