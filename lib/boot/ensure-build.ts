import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type pino from "pino";

// `npm start` builds when there is no production build or when a source file is newer than it,
// so the first start of a fresh clone, and the first start after a `git pull`, just work.

const SOURCES = ["app", "components", "lib", "prisma/schema.prisma", "next.config.js", "package-lock.json", "postcss.config.mjs"];
const SKIP = new Set(["node_modules", "generated", ".next"]);

function newestMtime(entry: string): number {
  let stat;
  try {
    stat = statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const child of readdirSync(entry)) {
    if (SKIP.has(child)) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

export function buildIsStale(root = process.cwd()): boolean {
  let built: number;
  try {
    built = statSync(path.join(root, ".next", "BUILD_ID")).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}

export async function ensureBuild({ log }: { log: pino.Logger }) {
  if (!buildIsStale()) return;
  log.info("building the app (first start or sources changed); this takes a minute or two");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("`npm run build` failed; see the output above.");
}
