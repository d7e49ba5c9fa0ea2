import { z } from "zod";

// Run filters, choices and the JSON shapes the run pages exchange with the server. No
// "server-only": the client components build query strings and read responses with these.

export const RUN_STATUSES = ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"] as const;
export type TRunStatus = (typeof RUN_STATUSES)[number];
export const ACTIVE_RUN_STATUSES = ["QUEUED", "RUNNING"] as const satisfies readonly TRunStatus[];
export const FINISHED_RUN_STATUSES = ["SUCCEEDED", "FAILED", "CANCELLED"] as const satisfies readonly TRunStatus[];
/** The statuses a retry starts from: the run stopped before its last step succeeded. */
export const RETRYABLE_RUN_STATUSES = ["FAILED", "CANCELLED"] as const satisfies readonly TRunStatus[];

export const RUN_TRIGGERS = ["EVENT", "RETRY", "REPLAY"] as const;
export type TRunTrigger = (typeof RUN_TRIGGERS)[number];

export const isActiveRunStatus = (status: TRunStatus) => (ACTIVE_RUN_STATUSES as readonly string[]).includes(status);
export const isFinishedRunStatus = (status: TRunStatus) => (FINISHED_RUN_STATUSES as readonly string[]).includes(status);
export const isRetryableRunStatus = (status: TRunStatus) => (RETRYABLE_RUN_STATUSES as readonly string[]).includes(status);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

// A datetime-local input sends "2026-01-15T10:00", without a zone. Staff see UTC everywhere
// (components/ui/format.ts), so such a value is read as UTC, whatever the server's zone.
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
const zFilterDate = z
  .preprocess((value) => (typeof value === "string" && LOCAL_DATE_TIME.test(value) ? `${value}Z` : value), z.coerce.date())
  .optional()
  .catch(undefined);
const zFilterText = z
  .string()
  .trim()
  .max(255)
  .transform((value) => value || undefined)
  .optional()
  .catch(undefined);

/** "failed" and "FAILED" alike: the public API spells statuses in lower case, the UI in upper. */
const upper = (value: unknown) => (typeof value === "string" ? value.toUpperCase() : value);

/** The runs list's filter, from query parameters; anything malformed is ignored, not refused. */
export const ZRunListFilter = z.object({
  status: z.preprocess(upper, z.enum(RUN_STATUSES)).optional().catch(undefined),
  trigger: z.preprocess(upper, z.enum(RUN_TRIGGERS)).optional().catch(undefined),
  workflowId: z.string().regex(UUID).optional().catch(undefined),
  /** The Custom Event's name. */
  event: zFilterText,
  /** The end user's userId. */
  userId: zFilterText,
  /** Created at or after. */
  since: zFilterDate,
  /** Created at or before. */
  until: zFilterDate,
});
export type TRunListFilter = z.infer<typeof ZRunListFilter>;

export const ZRunListQuery = ZRunListFilter.extend({
  page: z.coerce.number().int().min(1).catch(1).default(1),
});
export type TRunListQuery = z.infer<typeof ZRunListQuery>;

export const RUN_FILTER_KEYS = ["status", "trigger", "workflowId", "event", "userId", "since", "until"] as const;

/** A filter as query parameters (dates as ISO strings), with empty values left out. */
export function runFilterToParams(filter: TRunListFilter): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of RUN_FILTER_KEYS) {
    const value = filter[key];
    if (value instanceof Date) params[key] = value.toISOString();
    else if (value) params[key] = value;
  }
  return params;
}

export const hasRunFilter = (filter: TRunListFilter) => Object.keys(runFilterToParams(filter)).length > 0;

/** Which workflow version a retry or replay runs: the one the run used, or the workflow's current one. */
export const ZRunVersionChoice = z.enum(["original", "current"]);
export type TRunVersionChoice = z.infer<typeof ZRunVersionChoice>;

export const ZRerunInput = z.object({ runId: z.string().trim().min(1).max(100), version: ZRunVersionChoice });
export type TRerunInput = z.infer<typeof ZRerunInput>;

/** BulkOperation.params of a bulk replay. */
export const ZBulkReplayParams = z.object({ filter: ZRunListFilter, version: ZRunVersionChoice });

// JSON shapes (dates as ISO strings).

export type TRunError = { message: string; code: string; stepId?: string };
export type TStepError = { message: string; code: string; retryable?: boolean; httpStatus?: number; [key: string]: unknown };
export type TAttemptLogEntry = {
  attempt: number;
  startedAt: string;
  durationMs: number;
  httpStatus?: number;
  error?: string | { message: string; code?: string };
  retryInMs?: number;
};

export type TRunListItem = {
  id: string;
  status: TRunStatus;
  trigger: TRunTrigger;
  sourceRunId: string | null;
  workflow: { id: string; name: string; version: number };
  event: { id: string; name: string };
  userId: string;
  error: TRunError | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

export type TRunListPage = { items: TRunListItem[]; total: number; page: number; pageSize: number; pageCount: number };

export type TTimelineStepStatus = "pending" | "running" | "retrying" | "succeeded" | "failed";

export type TRunTimelineStep = {
  stepId: string;
  name: string;
  action: string;
  status: TTimelineStepStatus;
  input: unknown;
  output: unknown;
  error: TStepError | null;
  httpStatus: number | null;
  attempts: number;
  attemptLog: TAttemptLogEntry[];
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  nextAttemptAt: string | null;
};

export type TRunDetail = {
  id: string;
  status: TRunStatus;
  trigger: TRunTrigger;
  sourceRunId: string | null;
  workflow: { id: string; name: string; currentVersion: number | null };
  workflowVersion: { id: string; version: number };
  event: { id: string; name: string; createdAt: string };
  userId: string;
  error: TRunError | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  deadlineAt: string | null;
  steps: TRunTimelineStep[];
};

export type TBulkOperation = {
  id: string;
  kind: string;
  status: "RUNNING" | "SUCCEEDED" | "FAILED";
  version: TRunVersionChoice | null;
  /** The filter it applies to, as query parameters. */
  filter: Record<string, string>;
  total: number;
  done: number;
  failed: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
};

export type TRunStatsHour = { hour: string; succeeded: number; failed: number; active: number };
export type TRunStats = {
  hours: TRunStatsHour[];
  succeeded: number;
  /** Failed or cancelled. */
  failed: number;
  /** Of those, cancelled. */
  cancelled: number;
  active: number;
  /** succeeded / (succeeded + failed), or null when no run finished. */
  successRate: number | null;
};
