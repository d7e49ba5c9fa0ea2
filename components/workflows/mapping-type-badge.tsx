import { describeType } from "@/lib/mapping/type-compatibility";

// A field's type as a small badge; the text carries the meaning, the colour only helps scanning.

const COLOURS: Record<string, string> = {
  string: "bg-sky-50 text-sky-800 ring-sky-200",
  number: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  integer: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  boolean: "bg-violet-50 text-violet-800 ring-violet-200",
  object: "bg-amber-50 text-amber-800 ring-amber-200",
  array: "bg-orange-50 text-orange-800 ring-orange-200",
};

const SHORT: Record<string, string> = { string: "text", number: "number", integer: "whole number", boolean: "yes/no", object: "object", array: "list", any: "any" };

export function MappingTypeBadge({ type, format }: { type: string; format?: string }) {
  return (
    <span
      title={describeType(type)}
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset ${COLOURS[type] ?? "bg-slate-50 text-slate-700 ring-slate-200"}`}
    >
      {SHORT[type] ?? type}
      {format ? ` · ${format}` : ""}
    </span>
  );
}
