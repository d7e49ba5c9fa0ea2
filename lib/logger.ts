import pino from "pino";
import { env } from "@/lib/env";

// Structured JSON logs on stdout, one line per event. Secrets never go in: the redact list
// masks the usual suspects should a caller pass a whole object.

const globalForLogger = globalThis as unknown as { customEventsLogger?: pino.Logger };

export function logger(): pino.Logger {
  globalForLogger.customEventsLogger ??= pino({
    level: env().LOG_LEVEL,
    base: { service: "custom-events" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ["password", "*.password", "passwordHash", "*.passwordHash", "authorization", "*.authorization", "secret"],
      censor: "[redacted]",
    },
  });
  return globalForLogger.customEventsLogger;
}
