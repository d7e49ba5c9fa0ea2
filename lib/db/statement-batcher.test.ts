import { describe, expect, it } from "vitest";
import { createStatementBatcher, type TBatcherOptions } from "./statement-batcher";

// The batching rules on their own, with a statement stand-in that records what it was given
// and answers when told to (the database side is covered by lib/events/fire-event.integration.test.ts).

type TEntry = { id: number; size?: number; key?: string; poison?: boolean };

function harness(options: Partial<TBatcherOptions<TEntry>> = {}) {
  const statements: number[][] = [];
  const gates: (() => void)[] = [];
  let hold = false;
  const batcher = createStatementBatcher<TEntry, string>(
    async (entries) => {
      statements.push(entries.map((e) => e.id));
      if (hold) await new Promise<void>((resolve) => gates.push(resolve));
      if (entries.some((e) => e.poison)) throw Object.assign(new Error("refused"), { code: "P0001" });
      return entries.map((e) => `done ${e.id}`);
    },
    {
      maxEntries: 10,
      maxBytes: 100,
      maxInFlight: 1,
      sizeOf: (e) => e.size ?? 1,
      exclusiveKey: (e) => e.key,
      retryAlone: (error) => (error as { code?: string }).code === "P0001",
      maxWaitMs: 60_000,
      waitedTooLong: () => new Error("waited too long"),
      ...options,
    },
  );
  return {
    batcher,
    statements,
    hold: (on: boolean) => (hold = on),
    release: () => gates.splice(0).forEach((open) => open()),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("createStatementBatcher", () => {
  it("sends entries submitted in the same turn as one statement and answers each caller", async () => {
    const { batcher, statements } = harness();
    const results = await Promise.all([1, 2, 3].map((id) => batcher.submit({ id })));
    expect(results).toEqual(["done 1", "done 2", "done 3"]);
    expect(statements).toEqual([[1, 2, 3]]);
  });

  it("sends a lone entry at once, without waiting for company", async () => {
    const { batcher, statements } = harness();
    expect(await batcher.submit({ id: 1 })).toBe("done 1");
    expect(await batcher.submit({ id: 2 })).toBe("done 2");
    expect(statements).toEqual([[1], [2]]);
  });

  it("gathers entries that arrive while a statement is in flight into the next one", async () => {
    const h = harness();
    h.hold(true);
    const first = h.batcher.submit({ id: 1 });
    await tick();
    const later = [2, 3, 4].map((id) => h.batcher.submit({ id }));
    await tick();
    expect(h.statements).toEqual([[1]]);
    h.hold(false);
    h.release();
    expect(await Promise.all([first, ...later])).toEqual(["done 1", "done 2", "done 3", "done 4"]);
    expect(h.statements).toEqual([[1], [2, 3, 4]]);
  });

  it("keeps to the entry and byte limits, and sends an oversized entry alone", async () => {
    const { batcher, statements } = harness({ maxEntries: 2 });
    await Promise.all([1, 2, 3, 4, 5].map((id) => batcher.submit({ id })));
    expect(statements).toEqual([[1, 2], [3, 4], [5]]);

    const bytes = harness();
    await Promise.all([{ id: 1, size: 60 }, { id: 2, size: 60 }, { id: 3, size: 500 }, { id: 4, size: 30 }].map((e) => bytes.batcher.submit(e)));
    expect(bytes.statements).toEqual([[1, 4], [2], [3]]);
  });

  it("never puts two entries with the same key in one statement", async () => {
    const { batcher, statements } = harness();
    await Promise.all([{ id: 1, key: "a" }, { id: 2, key: "a" }, { id: 3, key: "b" }, { id: 4 }].map((e) => batcher.submit(e)));
    expect(statements).toEqual([[1, 3, 4], [2]]);
  });

  it("retries each entry alone when a statement is refused, so only the bad entry fails", async () => {
    const { batcher, statements } = harness();
    const results = await Promise.allSettled([{ id: 1 }, { id: 2, poison: true }, { id: 3 }].map((e) => batcher.submit(e)));
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual(["done 1", "refused", "done 3"]);
    expect(statements).toEqual([[1, 2, 3], [1], [2], [3]]);
  });

  it("retries one entry at a time, never beyond its slot", async () => {
    let running = 0;
    let most = 0;
    const batcher = createStatementBatcher<TEntry, number>(
      async (entries) => {
        most = Math.max(most, ++running);
        await tick();
        running--;
        if (entries.length > 1) throw Object.assign(new Error("refused"), { code: "P0001" });
        return entries.map((e) => e.id);
      },
      { maxEntries: 10, maxBytes: 100, maxInFlight: 1, sizeOf: () => 1, retryAlone: () => true, maxWaitMs: 60_000, waitedTooLong: () => new Error("late") },
    );
    expect(await Promise.all([1, 2, 3, 4].map((id) => batcher.submit({ id })))).toEqual([1, 2, 3, 4]);
    expect(most).toBe(1);
  });

  it("keeps up to maxInFlight statements going, and goes on after a failed one", async () => {
    const h = harness({ maxInFlight: 2, maxEntries: 1, retryAlone: () => false });
    h.hold(true);
    const first = [{ id: 1, poison: true }, { id: 2 }, { id: 3 }].map((e) => h.batcher.submit(e));
    await tick();
    await tick();
    expect(h.statements).toEqual([[1], [2]]);
    h.hold(false);
    h.release();
    const settled = await Promise.allSettled(first);
    expect(settled.map((r) => r.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
    expect(await h.batcher.submit({ id: 4 })).toBe("done 4");
    expect(h.statements).toEqual([[1], [2], [3], [4]]);
  });

  it("refuses entries that could not be sent in time, and only those", async () => {
    const h = harness({ maxWaitMs: 30 });
    h.hold(true);
    const sent = h.batcher.submit({ id: 1 });
    await tick();
    const waiting = h.batcher.submit({ id: 2 });
    await expect(waiting).rejects.toThrow("waited too long");
    h.hold(false);
    h.release();
    expect(await sent).toBe("done 1");
    expect(h.statements).toEqual([[1]]);
  });

  it("fails every entry at once when the error is not worth retrying (database unreachable)", async () => {
    const { batcher, statements } = harness({ retryAlone: () => false });
    const results = await Promise.allSettled([{ id: 1 }, { id: 2, poison: true }].map((e) => batcher.submit(e)));
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(statements).toEqual([[1, 2]]);
  });
});
