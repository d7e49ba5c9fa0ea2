// npm run db:migration -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the schema
// committed at HEAD to the current prisma/schema.prisma. `prisma migrate dev` needs the native
// engine, unavailable here; `migrate diff` between two datamodels works with the JS engine, which
// only needs some database to connect to, so a throwaway embedded PostgreSQL is started.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("usage: npm run db:migration -- <snake_case_name>");
    process.exit(2);
  }
  const tmp = mkdtempSync(path.join(tmpdir(), "ce-migration-"));
  chmodSync(tmp, 0o755); // the embedded server runs as the "postgres" user
  const hasMigrations = readdirSync("prisma/migrations", { withFileTypes: true }).some((d) => d.isDirectory());
  const from = hasMigrations ? ["--from-schema-datamodel", path.join(tmp, "old.prisma")] : ["--from-empty"];
  if (hasMigrations) {
    writeFileSync(path.join(tmp, "old.prisma"), execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));
  }
  const database = await startEmbeddedPostgres({ dataDir: tmp, port: 54000 + Math.floor(Math.random() * 900), password: "x" });
  try {
    const result = spawnSync(
      "npx",
      ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      {
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: database.url, PRISMA_SCHEMA_ENGINE_BINARY: "/dev/null", PRISMA_QUERY_ENGINE_LIBRARY: "/dev/null" },
      },
    );
    if (result.status !== 0) throw new Error(result.stderr || result.stdout);
    const sql = result.stdout.slice(result.stdout.indexOf("--"));
    if (!sql.trim() || sql.includes("This is an empty migration")) {
      console.log("The schema has no changes since HEAD; nothing written.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${dir}/migration.sql`);
  } finally {
    await database.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
