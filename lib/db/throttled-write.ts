// A write worth making at most once per interval per id ("last used at", minute precision), fire
// and forget: a busy key or event must not cost a statement per request nor turn one row into a
// hot spot. When the write fails, the next call tries again. Kept on globalThis so that the copies
// of lib/ in one process (launcher and Next bundle) share it.

export function throttledWrite(name: string, intervalMs: number) {
  const registry = globalThis as unknown as Record<string, Map<string, number> | undefined>;
  const lastWrites = (registry[name] ??= new Map());
  return (id: string, write: (now: Date) => Promise<unknown>) => {
    const now = Date.now();
    if ((lastWrites.get(id) ?? 0) + intervalMs > now) return;
    lastWrites.set(id, now);
    void write(new Date(now)).catch(() => lastWrites.delete(id));
  };
}
