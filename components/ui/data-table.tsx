import type { ReactNode } from "react";

/** The app's list table: a header row of column names ("" for an unlabelled actions column). */
export function DataTable({ columns, children, footer }: { columns: string[]; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            {columns.map((column, i) => (
              <th key={column || `column-${i}`} scope="col" className="px-4 py-3">
                {column || <span className="sr-only">Actions</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
      {footer}
    </div>
  );
}
