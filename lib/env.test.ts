import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies documented defaults", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.DATA_DIR).toBe("./.data");
    expect(env.WORKER_MODE).toBe("embedded");
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("names every bad variable with a specific message", () => {
    let error: unknown;
    try {
      parseEnv({ PORT: "abc", DATABASE_URL: "mysql://x", WORKER_MODE: "sometimes", AUTH_SECRET: "short" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        'PORT: must be a whole number between 1 and 65535 (got "abc")',
        'DATABASE_URL: must be a postgres:// URL, e.g. postgres://user:pass@host:5432/db (got "mysql://x")',
        'WORKER_MODE: must be "embedded" (run jobs in this process) or "off" (got "sometimes")',
        "AUTH_SECRET: must be at least 32 characters",
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it("requires ADMIN_EMAIL and ADMIN_PASSWORD together", () => {
    expect(() => parseEnv({ ADMIN_EMAIL: "a@example.com" })).toThrow(
      "ADMIN_PASSWORD: ADMIN_EMAIL and ADMIN_PASSWORD must be set together",
    );
  });

  it("treats blank values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "  ", APP_URL: "" }).DATABASE_URL).toBeUndefined();
  });
});
