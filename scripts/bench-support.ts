// What the `npm run bench:*` scripts share: waiting for the server they start, driving it with
// autocannon, naming the machine, and writing their section of docs/benchmarks.md.
import { cpus } from "node:os";
import autocannon from "autocannon";
import { readFileSync, writeFileSync } from "node:fs";

const BENCHMARKS_FILE = "docs/benchmarks.md";

/** Polls `http://127.0.0.1:{port}{path}` until it answers 2xx (5 minutes at most). */
export async function waitForOk(port: number, path: "/api/health" | "/api/ready") {
  for (let i = 0; i < 600; i++) {
    if (await fetch(`http://127.0.0.1:${port}${path}`).then((r) => r.ok).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server did not answer ${path}`);
}

/**
 * Runs autocannon and measures requests/s from the first request to the last response:
 * autocannon's own per-second average and duration count whole seconds (a run of 4.1 s counts
 * as 5), too coarse for runs of a few seconds.
 */
export async function loadTest(options: autocannon.Options): Promise<autocannon.Result & { rps: number }> {
  const started = performance.now();
  let lastResponse = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error as Error) : resolve(done)));
    instance.on("response", () => (lastResponse = performance.now()));
  });
  return { ...result, rps: result.requests.total / Math.max((lastResponse - started) / 1000, 0.001) };
}

export function describeMachine() {
  return `${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

/** Replaces (or appends) the `<!-- bench:{name} -->` section of docs/benchmarks.md with `body`. */
export function writeBenchSection(name: string, body: string) {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const section = `${open}\n${body}\n${close}`;
  let doc: string;
  try {
    doc = readFileSync(BENCHMARKS_FILE, "utf8");
  } catch {
    doc = "# Benchmarks\n\nRecorded by the `npm run bench:*` scripts; numbers are from the machine named in each section.\n";
  }
  const start = doc.indexOf(open);
  const end = doc.indexOf(close);
  doc = start >= 0 && end > start ? doc.slice(0, start) + section + doc.slice(end + close.length) : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(BENCHMARKS_FILE, doc);
}
