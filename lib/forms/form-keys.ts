// TanStack Query keys of the forms pages (house style 14). A fired run's live status uses
// `runKeys.detail(runId)` (lib/runs/run-keys.ts), shared with the run page.

export const formKeys = {
  all: ["forms"] as const,
  endUserSearch: (search: string) => [...formKeys.all, "end-user-search", search] as const,
};
