// TanStack Query keys of the run pages (house style 14): lists by their query string, one run,
// a bulk replay's count and progress. Mutations invalidate `runKeys.all` or a part of it.

export const runKeys = {
  all: ["runs"] as const,
  lists: () => [...runKeys.all, "list"] as const,
  list: (search: string) => [...runKeys.lists(), search] as const,
  details: () => [...runKeys.all, "detail"] as const,
  detail: (runId: string) => [...runKeys.details(), runId] as const,
  replayCount: (search: string) => [...runKeys.all, "replay-count", search] as const,
  bulkOperation: (operationId: string) => [...runKeys.all, "bulk-operation", operationId] as const,
};
