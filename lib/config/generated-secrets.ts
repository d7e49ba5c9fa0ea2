import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// Secrets that the operator did not supply are generated once and kept in DATA_DIR, readable
// only by this user, so that sessions and encrypted data survive restarts.

export type TGeneratedSecrets = {
  authSecret: string;
  embeddedDatabasePassword: string;
  encryptionKey: string;
};

export function loadOrCreateSecrets(dataDir: string): TGeneratedSecrets {
  const file = path.join(dataDir, "secrets.json");
  let stored: Partial<TGeneratedSecrets> = {};
  try {
    stored = JSON.parse(readFileSync(file, "utf8")) as Partial<TGeneratedSecrets>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new Error(`Cannot read ${file}: ${(error as Error).message}. Fix or remove the file.`);
    }
  }
  const secrets: TGeneratedSecrets = {
    authSecret: stored.authSecret ?? randomBytes(32).toString("base64url"),
    embeddedDatabasePassword: stored.embeddedDatabasePassword ?? randomBytes(24).toString("base64url"),
    encryptionKey: stored.encryptionKey ?? randomBytes(32).toString("base64"),
  };
  if (JSON.stringify(stored) !== JSON.stringify(secrets)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
  }
  return secrets;
}
