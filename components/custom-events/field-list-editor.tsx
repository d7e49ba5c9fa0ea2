"use client";

import { useState } from "react";
import { Controller, useFieldArray, useFormContext, useWatch } from "react-hook-form";
import type { TField, TFieldType } from "@/lib/schemas/field-model";
import { Button } from "@/components/ui/button";

// The visual field editor: one row per field, nested editors for objects and arrays of
// objects. Paths are react-hook-form paths ("fields.1.fields.0").

const TYPES: { value: TFieldType; label: string }[] = [
  { value: "string", label: "Text" },
  { value: "number", label: "Number" },
  { value: "integer", label: "Whole number" },
  { value: "boolean", label: "Yes/no" },
  { value: "date", label: "Date" },
  { value: "date-time", label: "Date and time" },
  { value: "email", label: "Email" },
  { value: "enum", label: "One of a list" },
  { value: "object", label: "Object (nested fields)" },
  { value: "array", label: "List" },
];

export type TEditorValues = { name: string; description: string; fields: TField[] };

const newField = (): TField => ({ name: "", type: "string", required: true });
const INPUT = "rounded-md border-0 px-2.5 py-1.5 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600";
const optionalNumber = { setValueAs: (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v)) };

export function FieldListEditor({ path, depth = 0, errors }: { path: "fields" | `fields.${string}`; depth?: number; errors: Record<string, string> }) {
  const { control } = useFormContext<TEditorValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: path as "fields" });
  return (
    <div className={depth ? "mt-3 space-y-2 border-l-2 border-slate-200 pl-4" : "space-y-2"}>
      {fields.length === 0 ? (
        <p className="text-sm text-slate-500">{depth ? "No nested fields yet." : "No fields yet. Add one, or infer them from a sample payload."}</p>
      ) : null}
      {fields.map((field, index) => (
        <FieldRow
          key={field.id}
          path={`${path}.${index}`}
          index={index}
          count={fields.length}
          depth={depth}
          errors={errors}
          onRemove={() => remove(index)}
          onMove={(to) => move(index, to)}
        />
      ))}
      <Button type="button" variant="secondary" onClick={() => append(newField())}>
        {depth ? "Add nested field" : "Add field"}
      </Button>
    </div>
  );
}

function FieldRow({
  path,
  index,
  count,
  depth,
  errors,
  onRemove,
  onMove,
}: {
  path: string;
  index: number;
  count: number;
  depth: number;
  errors: Record<string, string>;
  onRemove: () => void;
  onMove: (to: number) => void;
}) {
  const { register, control } = useFormContext<TEditorValues>();
  const [open, setOpen] = useState(false);
  const p = path as "fields.0";
  const type = useWatch({ control, name: `${p}.type` });
  const itemType = useWatch({ control, name: `${p}.itemType` });
  const name = useWatch({ control, name: `${p}.name` }) || `field ${index + 1}`;
  const nameError = errors[`${path}.name`];
  const rowErrors = Object.entries(errors).filter(([k]) => k.startsWith(`${path}.`) && k !== `${path}.name` && !k.slice(path.length + 1).includes("."));

  return (
    <div className="rounded-md border border-slate-200 bg-white p-3" data-testid={`field-row-${path}`}>
      <div className="flex flex-wrap items-start gap-2">
        <div className="min-w-40 flex-1">
          <label className="sr-only" htmlFor={`${path}-name`}>Field name</label>
          <input id={`${path}-name`} placeholder="fieldName" aria-label="Field name" aria-invalid={Boolean(nameError)} className={`${INPUT} w-full font-mono`} {...register(`${p}.name`)} />
          {nameError ? <p role="alert" className="mt-1 text-xs text-red-700">{nameError}</p> : null}
        </div>
        <select aria-label={`Type of ${name}`} className={INPUT} {...register(`${p}.type`)}>
          {TYPES.map((t) => (
            <option key={t.value} value={t.value}>{t.label}</option>
          ))}
        </select>
        <label className="flex items-center gap-1.5 py-1.5 text-sm text-slate-700">
          <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...register(`${p}.required`)} />
          Required
        </label>
        <div className="ml-auto flex gap-1">
          <Button type="button" variant="ghost" aria-label={`More options for ${name}`} aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? "Less" : "More"}
          </Button>
          <Button type="button" variant="ghost" aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => onMove(index - 1)}>↑</Button>
          <Button type="button" variant="ghost" aria-label={`Move ${name} down`} disabled={index === count - 1} onClick={() => onMove(index + 1)}>↓</Button>
          <Button type="button" variant="ghost" aria-label={`Remove ${name}`} onClick={onRemove}>✕</Button>
        </div>
      </div>
      {rowErrors.map(([k, message]) => (
        <p key={k} role="alert" className="mt-1 text-xs text-red-700">{message}</p>
      ))}
      {open ? (
        <div className="mt-3 grid gap-3 sm:grid-cols-2">
          <label className="block text-xs font-medium text-slate-600 sm:col-span-2">
            Description
            <input className={`${INPUT} mt-1 w-full`} {...register(`${p}.description`)} />
          </label>
          {type === "string" || type === "email" ? (
            <>
              <label className="block text-xs font-medium text-slate-600">Min length<input type="number" min={0} className={`${INPUT} mt-1 w-full`} {...register(`${p}.minLength`, optionalNumber)} /></label>
              <label className="block text-xs font-medium text-slate-600">Max length<input type="number" min={0} className={`${INPUT} mt-1 w-full`} {...register(`${p}.maxLength`, optionalNumber)} /></label>
              {type === "string" ? (
                <label className="block text-xs font-medium text-slate-600 sm:col-span-2">Pattern (regular expression)<input className={`${INPUT} mt-1 w-full font-mono`} {...register(`${p}.pattern`)} /></label>
              ) : null}
            </>
          ) : null}
          {type === "number" || type === "integer" ? (
            <>
              <label className="block text-xs font-medium text-slate-600">Minimum<input type="number" step="any" className={`${INPUT} mt-1 w-full`} {...register(`${p}.minimum`, optionalNumber)} /></label>
              <label className="block text-xs font-medium text-slate-600">Maximum<input type="number" step="any" className={`${INPUT} mt-1 w-full`} {...register(`${p}.maximum`, optionalNumber)} /></label>
            </>
          ) : null}
          {type === "enum" ? (
            <Controller
              control={control}
              name={`${p}.enumValues`}
              render={({ field }) => (
                <label className="block text-xs font-medium text-slate-600 sm:col-span-2">
                  Allowed values (comma-separated)
                  <input
                    className={`${INPUT} mt-1 w-full`}
                    defaultValue={(field.value ?? []).join(", ")}
                    onChange={(e) => field.onChange(e.target.value.split(",").map((v) => v.trim()).filter(Boolean))}
                  />
                </label>
              )}
            />
          ) : null}
          {type !== "object" && type !== "array" ? (
            <label className="block text-xs font-medium text-slate-600">
              Default
              <input
                className={`${INPUT} mt-1 w-full`}
                {...register(`${p}.default`, {
                  setValueAs: (v: string) =>
                    v === "" || v === undefined ? undefined : type === "number" || type === "integer" ? Number(v) : type === "boolean" ? v === "true" : v,
                })}
              />
            </label>
          ) : null}
        </div>
      ) : null}
      {type === "object" ? <FieldListEditor path={`${path}.fields` as `fields.${string}`} depth={depth + 1} errors={errors} /> : null}
      {type === "array" ? (
        <div className="mt-3 flex items-center gap-2 text-sm text-slate-700">
          <label htmlFor={`${path}-items`}>List of</label>
          <select id={`${path}-items`} className={INPUT} {...register(`${p}.itemType`)}>
            {TYPES.filter((t) => t.value !== "array").map((t) => (
              <option key={t.value} value={t.value}>{t.label}</option>
            ))}
          </select>
        </div>
      ) : null}
      {type === "array" && itemType === "object" ? (
        <FieldListEditor path={`${path}.itemFields` as `fields.${string}`} depth={depth + 1} errors={errors} />
      ) : null}
    </div>
  );
}
