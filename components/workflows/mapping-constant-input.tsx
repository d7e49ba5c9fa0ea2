"use client";

import { useState } from "react";
import type { TSchemaField } from "@/lib/mapping/types";
import { InlineError } from "@/components/ui/field";

// The value of a constant, with an input that fits the target's type. Text that is not a value
// yet (an empty number, half-typed JSON) stays in local state and leaves the target unmapped.

const INPUT =
  "rounded-md border-0 px-2.5 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600 disabled:bg-slate-50";

type TProps = {
  field: TSchemaField | undefined;
  label: string;
  value: unknown;
  onChange: (value: unknown | undefined) => void;
  describedBy?: string;
};

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function format(value: unknown, type: string): string {
  if (value === undefined) return "";
  if (type === "number" || type === "integer" || type === "string") return typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value);
  return JSON.stringify(value, null, 2);
}

function parse(text: string, type: string): { value?: unknown; error?: string } {
  if (text.trim() === "") return {};
  switch (type) {
    case "string":
      return { value: text };
    case "number":
    case "integer": {
      const n = Number(text);
      if (!Number.isFinite(n)) return { error: "Enter a number." };
      return { value: n };
    }
    default:
      try {
        return { value: JSON.parse(text) };
      } catch (error) {
        return { error: `Not valid JSON yet: ${(error as Error).message}` };
      }
  }
}

export function MappingConstantInput({ field, label, value, onChange, describedBy }: TProps) {
  const type = field?.type ?? "any";
  const [text, setText] = useState(() => format(value, type));
  const [shown, setShown] = useState<unknown>(value);
  const [error, setError] = useState<string>();
  // The mapping changed from outside (another row, undo, a reload): show its value.
  if (!sameJson(value, shown)) {
    setShown(value);
    setText(format(value, type));
    setError(undefined);
  }

  const update = (next: string) => {
    setText(next);
    const parsed = parse(next, type);
    setError(parsed.error);
    if (parsed.error) return;
    setShown(parsed.value);
    onChange(parsed.value);
  };

  const aria = `Constant for ${label}`;
  const errorId = `${describedBy ?? "constant"}-json-error`;

  if (type === "boolean") {
    return (
      <label className="flex items-center gap-2 py-1.5 text-sm text-slate-700">
        <input type="checkbox" aria-label={aria} className="h-4 w-4 rounded border-slate-300" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
        {value === true ? "Yes (true)" : "No (false)"}
      </label>
    );
  }
  if (field?.enum && field.enum.every((o) => typeof o === "string" || typeof o === "number")) {
    const options = field.enum as (string | number)[];
    const index = options.findIndex((o) => sameJson(o, value));
    return (
      <select aria-label={aria} className={INPUT} value={index < 0 ? "" : String(index)} onChange={(e) => onChange(e.target.value === "" ? undefined : options[Number(e.target.value)])}>
        <option value="">Choose a value…</option>
        {options.map((o, i) => (
          <option key={String(o)} value={String(i)}>
            {String(o)}
          </option>
        ))}
      </select>
    );
  }
  if (type === "number" || type === "integer") {
    return (
      <div className="space-y-1">
        <input type="number" step={type === "integer" ? 1 : "any"} aria-label={aria} aria-describedby={describedBy} className={`${INPUT} w-40`} value={text} onChange={(e) => update(e.target.value)} />
        <InlineError message={error} />
      </div>
    );
  }
  if (type === "string") {
    return (
      <input
        type={field?.format === "date" ? "date" : "text"}
        aria-label={aria}
        aria-describedby={describedBy}
        className={`${INPUT} w-full max-w-md`}
        value={text}
        onChange={(e) => update(e.target.value)}
      />
    );
  }
  return (
    <div className="w-full max-w-md space-y-1">
      <textarea
        aria-label={aria}
        aria-describedby={[describedBy, error ? errorId : undefined].filter(Boolean).join(" ") || undefined}
        aria-invalid={Boolean(error)}
        rows={type === "any" ? 2 : 4}
        spellCheck={false}
        placeholder={type === "array" ? '[{ "id": "1" }]' : type === "object" ? '{ "id": "1" }' : '"text", 12, true or { "a": 1 }'}
        className={`${INPUT} w-full font-mono text-xs`}
        value={text}
        onChange={(e) => update(e.target.value)}
      />
      <p className="text-xs text-slate-500">A JSON value{type === "object" ? " (an object)" : type === "array" ? " (a list)" : ""}.</p>
      <InlineError id={errorId} message={error} />
    </div>
  );
}
