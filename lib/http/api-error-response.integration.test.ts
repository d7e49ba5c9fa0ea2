import pg from "pg";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { db } from "@/lib/db";
import { errorResponse } from "@/lib/http/api-error-response";
import { runAction } from "@/lib/http/run-action";
import { unique } from "@/lib/testing/factories";

// Real PostgreSQL errors, classified the way callers see them.

async function errorOf(statements: string[]) {
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } catch (error) {
    return error;
  } finally {
    await client.end();
  }
  throw new Error("expected the statements to fail");
}

describe("errorResponse", () => {
  it("answers 503 with Retry-After when PostgreSQL cancels a statement at its statement_timeout (nothing committed)", async () => {
    const response = errorResponse(await errorOf(["SET statement_timeout = 50", "SELECT pg_sleep(2)"]), "req-1");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toMatchObject({ code: "unavailable" });
  });

  it("answers 500 without internals for any other database error", async () => {
    const response = errorResponse(await errorOf(["SELECT 1/0"]), "req-2");
    expect(response.status).toBe(500);
    const body = (await response.json()) as { message: string };
    expect(body.message).not.toContain("division");
    expect(body.message).toContain("req-2");
  });

  it("answers 400 naming the problem when PostgreSQL refuses text it cannot store, through pg or Prisma", async () => {
    const raw = errorResponse(await errorOf([`SELECT '{"a":"\\u0000"}'::jsonb`]), "req-3");
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ code: "invalid_request", message: expect.stringContaining("NUL character") });

    const viaPrisma = await db().endUser.create({ data: { userId: unique("u-"), fullName: "Ada\u0000" } }).catch((e: unknown) => e);
    const response = errorResponse(viaPrisma, "req-4");
    expect(response.status).toBe(400);
    expect(await runAction(() => db().endUser.create({ data: { userId: unique("u-"), fullName: "Ada\u0000" } }))).toMatchObject({
      ok: false,
      error: { code: "invalid_request", message: expect.stringContaining("NUL character") },
    });
  });
});
