// Group commit for a hot write path: callers submit one entry each; entries that arrive while
// earlier batches are on their way to the database travel together in the next one, as one
// statement (one round trip, one transaction, one WAL flush). Under light load a batch holds a
// single entry and leaves at once (after the current turn of the event loop), so nothing waits
// for a timer; under heavy load batches grow by themselves.
//
// A batch is one statement, so it commits or fails as a whole. When it fails for a reason that
// may belong to one entry (the database answered with an error), each entry is retried on its own,
// so one bad entry cannot fail its neighbours; when the database is unreachable, every entry gets
// that error at once.

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
  /** Whether a failed batch of several entries is worth retrying entry by entry. */
  retryAlone: (error: unknown) => boolean;
};

type TPending<TEntry, TResult> = { entry: TEntry; resolve: (result: TResult) => void; reject: (error: unknown) => void };

export type TBatcher<TEntry, TResult> = {
  submit: (entry: TEntry) => Promise<TResult>;
  stats: () => { statements: number; entries: number };
};

export function createStatementBatcher<TEntry, TResult>(
  run: (entries: TEntry[]) => Promise<TResult[]>,
  options: TBatcherOptions<TEntry>,
): TBatcher<TEntry, TResult> {
  const queue: TPending<TEntry, TResult>[] = [];
  let inFlight = 0;
  let scheduled = false;
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
    statements++;
    entries += batch.length;
    try {
      const results = await run(batch.map((p) => p.entry));
      if (results.length !== batch.length) throw new Error(`batch statement returned ${results.length} results for ${batch.length} entries`);
      batch.forEach((pending, i) => pending.resolve(results[i]!));
    } catch (error) {
      if (batch.length > 1 && options.retryAlone(error)) {
        await Promise.all(batch.map((pending) => execute([pending])));
      } else {
        for (const pending of batch) pending.reject(error);
      }
    }
  }

  return {
    submit(entry) {
      return new Promise<TResult>((resolve, reject) => {
        queue.push({ entry, resolve, reject });
        schedule();
      });
    },
    stats: () => ({ statements, entries }),
  };
}
