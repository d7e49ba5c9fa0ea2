import pg from "pg";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { errorResponse } from "@/lib/http/api-error-response";

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
});
