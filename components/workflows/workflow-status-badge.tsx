const STYLES: Record<string, string> = {
  ACTIVE: "bg-green-50 text-green-800 ring-green-600/20",
  PAUSED: "bg-amber-50 text-amber-800 ring-amber-600/20",
  DRAFT: "bg-slate-50 text-slate-700 ring-slate-500/20",
};

export function WorkflowStatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status] ?? STYLES.DRAFT}`}>
      {status.charAt(0) + status.slice(1).toLowerCase()}
    </span>
  );
}
