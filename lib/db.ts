import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { poolConfigFromUrl } from "@/lib/db/pg-config";

// One Prisma client per process, kept on globalThis so that module reloads do not open new pools.
// Password hashes are omitted from every query unless a caller asks for them explicitly.

function createClient() {
  const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
  if (!DATABASE_URL) throw new Error("DATABASE_URL is not set; start the app with `npm start`");
  const adapter = new PrismaPg(poolConfigFromUrl(DATABASE_URL, DATABASE_POOL_SIZE));
  return new PrismaClient({ adapter, omit: { staffUser: { passwordHash: true } } });
}

export type TDb = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { customEventsDb?: TDb };

export function db(): TDb {
  globalForDb.customEventsDb ??= createClient();
  return globalForDb.customEventsDb;
}

export async function disconnectDb() {
  await globalForDb.customEventsDb?.$disconnect();
  globalForDb.customEventsDb = undefined;
}
