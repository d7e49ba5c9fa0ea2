import { z } from "zod";

// The one place that reads process.env (house style 13). Parsed once, lazily, so that the
// launcher can fill in derived values (the embedded database's URL, generated secrets)
// before the app reads them.

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: z.coerce
      .number({ error: "must be a whole number between 1 and 65535" })
      .int("must be a whole number between 1 and 65535")
      .min(1, "must be a whole number between 1 and 65535")
      .max(65535, "must be a whole number between 1 and 65535")
      .default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    APP_URL: optionalString.pipe(
      z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://events.example.com" }).optional(),
    ),
    DATABASE_URL: optionalString.pipe(
      z
        .url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL, e.g. postgres://user:pass@host:5432/db" })
        .optional(),
    ),
    DATA_DIR: z.string().min(1).default("./.data"),
    EMBEDDED_DATABASE_PORT: z.coerce
      .number({ error: "must be a whole number between 1 and 65535" })
      .int()
      .min(1)
      .max(65535)
      .default(54329),
    DATABASE_POOL_SIZE: z.coerce.number({ error: "must be a whole number" }).int().min(1).max(200).default(10),
    ADMIN_EMAIL: optionalString.pipe(z.email({ error: "must be an email address" }).optional()),
    ADMIN_PASSWORD: optionalString.pipe(z.string().min(12, "must be at least 12 characters").optional()),
    AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
    ENCRYPTION_KEY: optionalString.pipe(
      z
        .string()
        .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 random bytes, base64-encoded (openssl rand -base64 32)")
        .optional(),
    ),
    WORKER_MODE: z
      .enum(["embedded", "off"], { error: 'must be "embedded" (run jobs in this process) or "off"' })
      .default("embedded"),
    WORKER_CONCURRENCY: z.coerce.number({ error: "must be a whole number" }).int().min(1).max(100).default(5),
    /** A worker whose heartbeat is this old is considered dead; its jobs are unlocked for others. */
    WORKER_LOST_AFTER_SECONDS: z.coerce.number({ error: "must be a whole number of seconds" }).int().min(2).max(3600).default(30),
    MAX_BODY_BYTES: z.coerce.number({ error: "must be a whole number of bytes" }).int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
    RATE_LIMIT_PER_MINUTE: z.coerce.number({ error: "must be a whole number (0 turns rate limiting off)" }).int().min(0).default(0),
    DEMO_API_KEY: optionalString.pipe(
      z.string().regex(/^ce_live_[A-Za-z0-9_-]{43}$/, "must look like ce_live_ followed by 43 base64url characters").optional(),
    ),
    /** The demo's fake NetSuite, started beside the app on 127.0.0.1 (0 turns it off). */
    DEMO_NETSUITE_PORT: z.coerce.number({ error: "must be a port number (0 turns the fake NetSuite off)" }).int().min(0).max(65535).default(4010),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "must be one of fatal, error, warn, info, debug, trace, silent",
      })
      .default("info"),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: "custom",
        path: [env.ADMIN_EMAIL ? "ADMIN_PASSWORD" : "ADMIN_EMAIL"],
        message: "ADMIN_EMAIL and ADMIN_PASSWORD must be set together",
      });
    }
  });

export type TEnv = z.infer<typeof ZEnv>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses a set of variables; throws ConfigError naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const result = ZEnv.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "environment");
    const raw = source[name];
    const shown = name.includes("PASSWORD") || name.includes("SECRET") || raw === undefined ? "" : ` (got "${raw}")`;
    return `${name}: ${issue.message}${shown}`;
  });
  throw new ConfigError(problems);
}

let cached: TEnv | undefined;

export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The launcher sets derived variables (database URL, generated secrets) before the app reads them. */
export function setDerivedEnv(values: Record<string, string>) {
  for (const [key, value] of Object.entries(values)) process.env[key] = value;
  cached = undefined;
}

/** The externally visible origin, used for auth callbacks and links. */
export function appUrl(e: TEnv = env()): string {
  return (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
}
