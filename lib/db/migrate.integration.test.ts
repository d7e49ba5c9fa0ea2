import { cpSync, mkdtempSync, writeFileSync, appendFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-database";
import { applyMigrations, listMigrations, migrationsDir, pendingMigrationNames } from "./migrate";

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("applyMigrations", () => {
  it("applies every migration once, in order, recorded the way Prisma records them", async () => {
    const url = await createTestDatabase(inject("serverUrl"), { migrated: false });
    const names = listMigrations().map((m) => m.name);

    const first = await applyMigrations(url);
    expect(first.applied).toEqual(names);

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      url,
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = listMigrations().find((m) => m.name === row.migration_name)!.sql;
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
    }
    const tables = await query<{ tablename: string }>(url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    expect(tables.map((t) => t.tablename)).toContain("staff_users");

    const second = await applyMigrations(url);
    expect(second.applied).toEqual([]);
    expect(pendingMigrationNames(rows.map((r) => r.migration_name))).toEqual([]);
  });

  it("applies each migration exactly once when several processes start together", async () => {
    const url = await createTestDatabase(inject("serverUrl"), { migrated: false });
    const results = await Promise.all([applyMigrations(url), applyMigrations(url), applyMigrations(url)]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(listMigrations().map((m) => m.name).sort());
    const rows = await query<{ count: string }>(url, `SELECT count(*) FROM "_prisma_migrations"`);
    expect(Number(rows[0]?.count)).toBe(listMigrations().length);
  });

  it("refuses to start when an applied migration file was edited", async () => {
    const url = await createTestDatabase(inject("serverUrl"), { migrated: false });
    const dir = mkdtempSync(path.join(tmpdir(), "ce-migrations-"));
    cpSync(migrationsDir(), dir, { recursive: true });
    await applyMigrations(url, dir);
    const first = listMigrations(dir)[0]!;
    appendFileSync(path.join(dir, first.name, "migration.sql"), "\n-- edited\n");
    await expect(applyMigrations(url, dir)).rejects.toThrow(
      `Migration ${first.name} was changed after it was applied; migrations are immutable.`,
    );
  });

  it("rolls back a failing migration and leaves no record of it", async () => {
    const url = await createTestDatabase(inject("serverUrl"), { migrated: false });
    const dir = mkdtempSync(path.join(tmpdir(), "ce-migrations-"));
    cpSync(migrationsDir(), dir, { recursive: true });
    const broken = path.join(dir, "99999999999999_broken");
    cpSync(path.join(dir, listMigrations(dir)[0]!.name), broken, { recursive: true });
    writeFileSync(path.join(broken, "migration.sql"), `CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;`);

    await expect(applyMigrations(url, dir)).rejects.toThrow(/Migration 99999999999999_broken failed: relation "no_such_table" does not exist/);
    const names = (await query<{ migration_name: string }>(url, `SELECT migration_name FROM "_prisma_migrations"`)).map((r) => r.migration_name);
    expect(names).not.toContain("99999999999999_broken");
    const halfDone = await query(url, `SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`);
    expect(halfDone).toHaveLength(0);
  });
});
