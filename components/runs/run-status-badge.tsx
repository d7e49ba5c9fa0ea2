import type { TRunStatus, TTimelineStepStatus } from "@/lib/runs/schemas";

const RUN_STYLE: Record<TRunStatus, { label: string; className: string }> = {
  QUEUED: { label: "Queued", className: "bg-slate-100 text-slate-700 ring-slate-300" },
  RUNNING: { label: "Running", className: "bg-blue-50 text-blue-800 ring-blue-300" },
  SUCCEEDED: { label: "Succeeded", className: "bg-green-50 text-green-800 ring-green-300" },
  FAILED: { label: "Failed", className: "bg-red-50 text-red-800 ring-red-300" },
  CANCELLED: { label: "Cancelled", className: "bg-amber-50 text-amber-900 ring-amber-300" },
};

export const RUN_STATUS_LABEL = Object.fromEntries(Object.entries(RUN_STYLE).map(([status, style]) => [status, style.label])) as Record<TRunStatus, string>;

export function RunStatusBadge({ status }: { status: TRunStatus }) {
  const style = RUN_STYLE[status];
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style.className}`} data-status={status}>
      {status === "RUNNING" ? <span aria-hidden className="h-1.5 w-1.5 animate-pulse rounded-full bg-blue-600" /> : null}
      {style.label}
    </span>
  );
}

const STEP_STYLE: Record<TTimelineStepStatus, { label: string; className: string }> = {
  pending: { label: "Pending", className: "bg-white text-slate-600 ring-slate-300" },
  running: { label: "Running", className: "bg-blue-50 text-blue-800 ring-blue-300" },
  retrying: { label: "Retrying", className: "bg-amber-50 text-amber-900 ring-amber-300" },
  succeeded: { label: "Succeeded", className: "bg-green-50 text-green-800 ring-green-300" },
  failed: { label: "Failed", className: "bg-red-50 text-red-800 ring-red-300" },
};

/** A step's status; a pending step of a finished run reads "Not reached". */
export function StepStatusBadge({ status, runFinished }: { status: TTimelineStepStatus; runFinished: boolean }) {
  const style = STEP_STYLE[status];
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style.className}`}>
      {status === "pending" && runFinished ? "Not reached" : style.label}
    </span>
  );
}
