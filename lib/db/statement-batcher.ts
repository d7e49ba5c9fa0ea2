// Group commit for a hot write path: callers submit one entry each; entries that arrive while
// earlier batches are on their way to the database travel together in the next one, as one
// statement (one round trip, one transaction, one WAL flush). Under light load a batch holds a
// single entry and leaves at once (after the current turn of the event loop), so nothing waits
// for a timer; under heavy load batches grow by themselves.
//
// A batch is one statement, so it commits or fails as a whole. When it fails for a reason that
// may belong to one entry (the database answered with an error), its entries are retried one by
// one in the same slot, so one bad entry cannot fail its neighbours; when the database is
// unreachable, every entry gets that error at once. An entry that could not even be sent within
// `maxWaitMs` (every slot stuck on a statement that does not return) is refused: it was never
// sent, so nothing of it was stored.

import { isDatabaseUnavailable, isPostgresError } from "@/lib/db/database-errors";

export type TBatcherOptions<TEntry> = {
  /** Most entries per statement. */
  maxEntries: number;
  /** Most bytes (as counted by `sizeOf`) per statement; a larger single entry travels alone. */
  maxBytes: number;
  /** Most statements in flight at once; further entries wait and join the next batch. */
  maxInFlight: number;
  sizeOf: (entry: TEntry) => number;
  /** Entries with the same key never share a batch (for example one idempotency key). */
  exclusiveKey?: (entry: TEntry) => string | undefined;
  /**
   * Whether a failed batch of several entries is worth retrying entry by entry. By default: when
   * PostgreSQL itself refused it (the error may belong to one entry: a row deleted under it, a
   * deadlock), not when it is unreachable or cancelled the statement (every entry fails alike).
   */
  retryAlone?: (error: unknown) => boolean;
  /** How long an entry may wait to be sent before it is refused with `waitedTooLong()`. */
  maxWaitMs: number;
  waitedTooLong: () => unknown;
};

type TPending<TEntry, TResult> = { entry: TEntry; since: number; resolve: (result: TResult) => void; reject: (error: unknown) => void };

export type TBatcher<TEntry, TResult> = {
  submit: (entry: TEntry) => Promise<TResult>;
  stats: () => { statements: number; entries: number };
};

export function createStatementBatcher<TEntry, TResult>(
  run: (entries: TEntry[]) => Promise<TResult[]>,
  options: TBatcherOptions<TEntry>,
): TBatcher<TEntry, TResult> {
  const retryAlone = options.retryAlone ?? ((error: unknown) => isPostgresError(error) && !isDatabaseUnavailable(error));
  const queue: TPending<TEntry, TResult>[] = [];
  let inFlight = 0;
  let scheduled = false;
  let sweeper: NodeJS.Timeout | undefined;
  let statements = 0;
  let entries = 0;

  function schedule() {
    if (scheduled || inFlight >= options.maxInFlight || queue.length === 0) return;
    scheduled = true;
    // setImmediate, not a microtask: requests whose handlers reach submit() in the same turn of
    // the event loop (one poll phase) join the same batch.
    setImmediate(flush);
  }

  function takeBatch(): TPending<TEntry, TResult>[] {
    const batch: TPending<TEntry, TResult>[] = [];
    const keys = new Set<string>();
    let bytes = 0;
    for (let i = 0; i < queue.length && batch.length < options.maxEntries; ) {
      const pending = queue[i]!;
      const size = options.sizeOf(pending.entry);
      const key = options.exclusiveKey?.(pending.entry);
      if ((batch.length > 0 && bytes + size > options.maxBytes) || (key !== undefined && keys.has(key))) {
        i++;
        continue;
      }
      queue.splice(i, 1);
      batch.push(pending);
      bytes += size;
      if (key !== undefined) keys.add(key);
    }
    return batch;
  }

  function flush() {
    scheduled = false;
    while (inFlight < options.maxInFlight && queue.length > 0) {
      const batch = takeBatch();
      inFlight++;
      void execute(batch).finally(() => {
        inFlight--;
        schedule();
      });
    }
  }

  async function execute(batch: TPending<TEntry, TResult>[]) {
    try {
      settle(batch, await send(batch));
    } catch (error) {
      if (batch.length === 1 || !retryAlone(error)) {
        for (const pending of batch) pending.reject(error);
        return;
      }
      // One after another, inside this batch's slot: the pool is shared with the rest of the app.
      for (const pending of batch) {
        try {
          settle([pending], await send([pending]));
        } catch (alone) {
          pending.reject(alone);
        }
      }
    }
  }

  async function send(batch: TPending<TEntry, TResult>[]): Promise<TResult[]> {
    statements++;
    entries += batch.length;
    const results = await run(batch.map((p) => p.entry));
    if (results.length !== batch.length) throw new Error(`batch statement returned ${results.length} results for ${batch.length} entries`);
    return results;
  }

  function settle(batch: TPending<TEntry, TResult>[], results: TResult[]) {
    batch.forEach((pending, i) => pending.resolve(results[i]!));
  }

  // Runs only while entries wait; refuses those that waited longer than maxWaitMs.
  function sweep() {
    const cutoff = Date.now() - options.maxWaitMs;
    for (let i = queue.length - 1; i >= 0; i--) {
      if (queue[i]!.since <= cutoff) queue.splice(i, 1)[0]!.reject(options.waitedTooLong());
    }
    if (queue.length === 0) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  }

  return {
    submit(entry) {
      return new Promise<TResult>((resolve, reject) => {
        queue.push({ entry, since: Date.now(), resolve, reject });
        sweeper ??= setInterval(sweep, Math.max(10, Math.min(1_000, options.maxWaitMs / 2))).unref();
        schedule();
      });
    },
    stats: () => ({ statements, entries }),
  };
}

