import path from "node:path";
import type pino from "pino";
import { loadOrCreateSecrets } from "@/lib/config/generated-secrets";
import { startEmbeddedPostgres, type TEmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { appUrl, env, setDerivedEnv, type TEnv } from "@/lib/env";

// Resolves everything a process needs before it touches the database: validated configuration,
// generated secrets, and a database URL (starting the embedded PostgreSQL when none is given).

export type TRuntime = { env: TEnv; databaseUrl: string; embedded?: TEmbeddedDatabase };

export async function prepareRuntime({ log, allowEmbedded }: { log: pino.Logger; allowEmbedded: boolean }): Promise<TRuntime> {
  const initial = env();
  const dataDir = path.resolve(initial.DATA_DIR);
  const secrets = loadOrCreateSecrets(dataDir);

  let embedded: TEmbeddedDatabase | undefined;
  let databaseUrl = initial.DATABASE_URL;
  if (!databaseUrl) {
    if (!allowEmbedded) {
      throw new Error("DATABASE_URL is not set. A standalone worker needs the app's database URL.");
    }
    const started = Date.now();
    embedded = await startEmbeddedPostgres({
      dataDir,
      port: initial.EMBEDDED_DATABASE_PORT,
      password: secrets.embeddedDatabasePassword,
    });
    databaseUrl = embedded.url;
    log.info({ dataDir, port: initial.EMBEDDED_DATABASE_PORT, ms: Date.now() - started }, "embedded PostgreSQL started");
  }

  const authSecret = initial.AUTH_SECRET ?? secrets.authSecret;
  setDerivedEnv({
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    ENCRYPTION_KEY: initial.ENCRYPTION_KEY ?? secrets.encryptionKey,
    DATA_DIR: dataDir,
    // next-auth reads these two names itself.
    NEXTAUTH_SECRET: authSecret,
    NEXTAUTH_URL: appUrl(initial),
  });
  return { env: env(), databaseUrl, embedded };
}
