"use client";

import { useState, type DragEvent } from "react";
import { Button } from "@/components/ui/button";
import { MappingConstantInput } from "@/components/workflows/mapping-constant-input";
import { MappingTypeBadge } from "@/components/workflows/mapping-type-badge";
import { describeMappingSource } from "@/lib/mapping/describe-mapping-source";
import type { TMappingRow } from "@/lib/mapping/list-mapping-rows";
import { pointerToJsonata } from "@/lib/mapping/pointer-to-jsonata";
import { rankEventFields } from "@/lib/mapping/rank-event-fields";
import type { TSchemaFieldDetail } from "@/lib/mapping/schema-fields";
import type { TMappingIssue, TMappingSource } from "@/lib/mapping/types";

// One target field of the mapping editor: its label and type, where its value comes from, and
// the issues about it. The whole row is a drop zone for event fields; the event field <select>
// and the "Use picked field" button do the same from the keyboard.

export const EVENT_FIELD_MIME = "application/x-event-field";

type TKind = TMappingSource["source"] | "none";

const INPUT =
  "rounded-md border-0 px-2.5 py-1.5 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600";

export type TMappingRowProps = {
  row: TMappingRow;
  source: TMappingSource | undefined;
  issues: TMappingIssue[];
  eventFields: TSchemaFieldDetail[];
  /** Shown under expression inputs: the names an expression can read. */
  expressionHint: string;
  readOnly: boolean;
  picked: TSchemaFieldDetail | undefined;
  /** id of the source <select>, so the issue summary can move focus to it. */
  controlId: string;
  onChange: (source: TMappingSource | undefined) => void;
  /** Called after the picked event field was mapped to this row. */
  onPickedUsed: () => void;
  onAddItem?: () => void;
};

export function hasEventField(event: DragEvent) {
  return Array.from(event.dataTransfer.types).includes(EVENT_FIELD_MIME);
}

export function MappingRow({ row, source, issues, eventFields, expressionHint, readOnly, picked, controlId, onChange, onPickedUsed, onAddItem }: TMappingRowProps) {
  const [draftKind, setDraftKind] = useState<TKind>("none");
  const [dropping, setDropping] = useState(false);
  const kind: TKind = source?.source ?? draftKind;
  const { field, label, pointer } = row;
  const hintId = `${controlId}-hint`;
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");

  const changeKind = (next: TKind) => {
    setDraftKind(next);
    if (next === kind) return;
    if (next === "none") return onChange(undefined);
    if (next === "constant" && field?.type === "boolean") return onChange({ source: "constant", value: false });
    if (next === "expression" && source?.source === "event") {
      const path = pointerToJsonata(source.path);
      if (path) return onChange({ source: "expression", expression: path });
    }
    onChange(undefined);
  };

  const mapEventField = (path: string) => {
    setDraftKind("event");
    onChange({ source: "event", path });
  };

  const dropProps = readOnly
    ? {}
    : {
        onDragOver: (e: DragEvent<HTMLDivElement>) => {
          if (!hasEventField(e)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
          setDropping(true);
        },
        onDragLeave: (e: DragEvent<HTMLDivElement>) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropping(false);
        },
        onDrop: (e: DragEvent<HTMLDivElement>) => {
          setDropping(false);
          const path = e.dataTransfer.getData(EVENT_FIELD_MIME);
          if (!path) return;
          e.preventDefault();
          mapEventField(path);
        },
      };

  const { matching, others } = rankEventFields(eventFields, field);
  const eventPath = source?.source === "event" ? source.path : "";
  const missingPath = source?.source === "event" && !eventFields.some((f) => f.pointer === source.path);

  return (
    <div
      data-testid={`mapping-row-${pointer}`}
      {...dropProps}
      className={`border-b border-slate-100 px-3 py-3 last:border-b-0 ${dropping ? "bg-brand-50 ring-2 ring-inset ring-brand-500" : errors.length ? "bg-red-50/40" : ""}`}
      style={{ paddingLeft: `${0.75 + row.depth * 1.25}rem` }}
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium text-slate-900">{label}</span>
        {field ? <MappingTypeBadge type={field.type} format={field.format} /> : <span className="text-xs text-red-700">not in this action&apos;s input</span>}
        {field?.required ? <span className="text-xs font-medium text-red-700">required</span> : null}
        <code className="text-xs text-slate-400">{pointer}</code>
      </div>
      {field?.description ? <p className="mt-0.5 text-xs text-slate-500">{field.description}</p> : null}

      {readOnly ? (
        <p className="mt-1 text-sm text-slate-700">
          <span className="sr-only">Source for {label}: </span>
          {describeMappingSource(source)}
        </p>
      ) : (
        <div className="mt-2 flex flex-wrap items-start gap-2">
          <select id={controlId} aria-label={`Source for ${label}`} className={INPUT} value={kind} onChange={(e) => changeKind(e.target.value as TKind)}>
            <option value="none">Not mapped</option>
            <option value="event">Event field</option>
            <option value="constant">Constant</option>
            <option value="expression">Expression</option>
          </select>

          {kind === "event" ? (
            <>
              <select aria-label={`Event field for ${label}`} className={`${INPUT} max-w-xs`} value={eventPath} onChange={(e) => (e.target.value ? mapEventField(e.target.value) : onChange(undefined))}>
                <option value="">Choose an event field…</option>
                {missingPath ? <option value={eventPath}>{eventPath} (not in the event)</option> : null}
                {matching.length ? (
                  <optgroup label={others.length ? "Same type" : "Event fields"}>
                    {matching.map((f) => (
                      <option key={f.pointer} value={f.pointer}>
                        {f.label} — {f.pointer}
                      </option>
                    ))}
                  </optgroup>
                ) : null}
                {others.length ? (
                  <optgroup label="Other types">
                    {others.map((f) => (
                      <option key={f.pointer} value={f.pointer}>
                        {f.label} — {f.pointer} ({f.type})
                      </option>
                    ))}
                  </optgroup>
                ) : null}
              </select>
              <span
                data-testid={`mapping-drop-${pointer}`}
                className="rounded-md border border-dashed border-slate-300 px-2.5 py-1.5 text-xs text-slate-500"
              >
                or drop an event field here
              </span>
            </>
          ) : null}

          {kind === "constant" ? (
            <MappingConstantInput field={field} label={label} value={source?.source === "constant" ? source.value : undefined} onChange={(value) => onChange(value === undefined ? undefined : { source: "constant", value })} />
          ) : null}

          {kind === "expression" ? (
            <div className="w-full max-w-xl space-y-1">
              <textarea
                aria-label={`Expression for ${label}`}
                aria-describedby={hintId}
                rows={2}
                spellCheck={false}
                placeholder="data.invoiceAmount * 1.2"
                className={`${INPUT} w-full font-mono text-xs`}
                value={source?.source === "expression" ? source.expression : ""}
                onChange={(e) => onChange(e.target.value === "" ? undefined : { source: "expression", expression: e.target.value })}
              />
              <p id={hintId} className="text-xs text-slate-500">
                {expressionHint}
              </p>
            </div>
          ) : null}

          {picked ? (
            <Button
              type="button"
              variant="secondary"
              className="py-1.5"
              aria-label={`Map ${picked.label} (${picked.pointer}) to ${label}`}
              onClick={() => {
                mapEventField(picked.pointer);
                onPickedUsed();
              }}
            >
              Use {picked.label}
            </Button>
          ) : null}
          {onAddItem ? (
            <Button type="button" variant="ghost" className="py-1.5" aria-label={`Add another item to ${label}`} onClick={onAddItem}>
              Add item
            </Button>
          ) : null}
          {!field ? (
            <Button type="button" variant="danger" className="py-1.5" aria-label={`Remove mapping for ${label}`} onClick={() => onChange(undefined)}>
              Remove
            </Button>
          ) : null}
        </div>
      )}

      {errors.map((issue, i) => (
        <p key={`e${i}`} role="alert" className="mt-1.5 text-xs text-red-700">
          <span className="font-semibold">Error: </span>
          {issue.message}
        </p>
      ))}
      {warnings.map((issue, i) => (
        <p key={`w${i}`} className="mt-1.5 text-xs text-amber-800">
          <span className="font-semibold">Warning: </span>
          {issue.message}
        </p>
      ))}
    </div>
  );
}
