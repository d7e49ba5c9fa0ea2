// What PostgreSQL's errors (through pg or Prisma's pg adapter) mean to the app, in one place.
// No "server-only": `isUnstorableText` also guards forms' schemas in the browser.

const DATABASE_DOWN = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|connect_timeout|terminating connection|the database system is (starting up|shutting down)|Can't reach database|timeout exceeded when trying to connect|Query read timeout/i;

/** The database cannot be reached, or cancelled the statement at its timeout: nothing committed, retry later. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; cause?: unknown } | null;
  if (!e) return false;
  if (e.code && ["P1001", "P1002", "P1017", "57P01", "57P03", "57014", "08006", "08001", "08003", "ECONNREFUSED"].includes(e.code)) return true;
  if (typeof e.message === "string" && DATABASE_DOWN.test(e.message)) return true;
  return e.cause ? isDatabaseUnavailable(e.cause) : false;
}

/** An error PostgreSQL itself sent (pg's DatabaseError: a SQLSTATE and a severity). */
export function isPostgresError(error: unknown): boolean {
  const e = error as { code?: unknown; severity?: unknown } | null;
  return typeof e?.code === "string" && /^[0-9A-Z]{5}$/.test(e.code) && typeof e.severity === "string";
}

/** Text PostgreSQL cannot store in text or jsonb: NUL, and unpaired UTF-16 surrogates. */
export function isUnstorableText(text: string): boolean {
  return text.includes("\u0000") || !text.isWellFormed();
}

/** PostgreSQL refused text it cannot store (NUL, an unpaired surrogate), through pg or Prisma. */
export function isUnstorableTextError(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown; originalCode?: unknown } } | null;
  return [e?.code, e?.cause?.code, e?.cause?.originalCode].some((code) => code === "22021" || code === "22P05");
}

export const UNSTORABLE_TEXT_MESSAGE =
  "The request contains text that cannot be stored: a NUL character (\\u0000) or an unpaired surrogate. Remove it and try again.";
