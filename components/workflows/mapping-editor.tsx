"use client";

import { useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { EVENT_FIELD_MIME, MappingRow } from "@/components/workflows/mapping-row";
import { MappingTypeBadge } from "@/components/workflows/mapping-type-badge";
import { checkMapping } from "@/lib/mapping/check-mapping";
import { listMappingRows } from "@/lib/mapping/list-mapping-rows";
import { pointerToJsonata } from "@/lib/mapping/pointer-to-jsonata";
import { listSchemaFieldDetails, type TSchemaFieldDetail } from "@/lib/mapping/schema-fields";
import { summarizeMappingIssues } from "@/lib/mapping/summarize-mapping-issues";
import type { TMapping, TMappingIssue, TMappingSource } from "@/lib/mapping/types";

// The field mapping of one workflow step: the event's fields on the left (drag them, or pick one),
// the action's input fields on the right, each with where its value comes from. Controlled: the
// host owns `mapping` and gets every change through `onChange`. Server components that only need
// the text of a source import describeMappingSource from lib/mapping/describe-mapping-source.

export { describeMappingSource } from "@/lib/mapping/describe-mapping-source";

export type TMappingEditorProps = {
  /** The action's input JSON Schema. */
  targetSchema: unknown;
  /** The Custom Event's JSON Schema. */
  eventSchema: unknown;
  mapping: TMapping;
  onChange: (mapping: TMapping) => void;
  /** Steps before this one, whose outputs expressions may read as steps.<id>. */
  earlierSteps?: { id: string; name: string }[];
  readOnly?: boolean;
};

const MAX_HINT_FIELDS = 8;
const NO_STEPS: { id: string; name: string }[] = [];

function expressionHintFor(eventFields: TSchemaFieldDetail[], earlierSteps: { id: string; name: string }[]) {
  const data = eventFields
    .filter((f) => f.depth === 0)
    .slice(0, MAX_HINT_FIELDS)
    .map((f) => pointerToJsonata(f.pointer))
    .filter(Boolean);
  const more = eventFields.filter((f) => f.depth === 0).length > MAX_HINT_FIELDS ? ", …" : "";
  const steps = earlierSteps.length ? earlierSteps.map((s) => `${pointerToJsonata(`/${s.id}`, "steps")} (${s.name})`).join(", ") : "none (this is the first step)";
  return `JSONata. Event fields: ${data.join(", ") || "data"}${more}. Also event.id, event.name, endUser.userId. Earlier steps' outputs: ${steps}.`;
}

export function MappingEditor({ targetSchema, eventSchema, mapping, onChange, earlierSteps = NO_STEPS, readOnly = false }: TMappingEditorProps) {
  const idPrefix = useId();
  const [picked, setPicked] = useState<string>();
  const [itemCounts, setItemCounts] = useState<Record<string, number>>({});

  const eventFields = useMemo(() => listSchemaFieldDetails(eventSchema), [eventSchema]);
  const earlierStepIds = useMemo(() => earlierSteps.map((s) => s.id), [earlierSteps]);
  const issues = useMemo(() => checkMapping({ mapping, targetSchema, eventSchema, earlierStepIds }), [mapping, targetSchema, eventSchema, earlierStepIds]);
  const rows = useMemo(() => listMappingRows({ targetSchema, mapping, issueTargets: issues.map((i) => i.target), itemCounts }), [targetSchema, mapping, issues, itemCounts]);
  const expressionHint = useMemo(() => expressionHintFor(eventFields, earlierSteps), [eventFields, earlierSteps]);

  const issuesByTarget = useMemo(() => {
    const map = new Map<string, TMappingIssue[]>();
    for (const issue of issues) map.set(issue.target, [...(map.get(issue.target) ?? []), issue]);
    return map;
  }, [issues]);

  const pickedField = picked === undefined ? undefined : eventFields.find((f) => f.pointer === picked);
  const controlId = (pointer: string) => `${idPrefix}-source${pointer}`;
  const summary = summarizeMappingIssues(issues);
  const knownRows = rows.filter((r) => r.field);
  const otherRows = rows.filter((r) => !r.field);

  const setSource = (target: string, source: TMappingSource | undefined) => {
    const next = { ...mapping };
    if (source) next[target] = source;
    else delete next[target];
    onChange(next);
  };

  const focusRow = (target: string) => {
    const control = document.getElementById(controlId(target));
    if (control) {
      control.focus();
      control.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  };

  const renderRow = (row: (typeof rows)[number]) => (
    <MappingRow
      key={row.pointer}
      row={row}
      source={mapping[row.pointer]}
      issues={issuesByTarget.get(row.pointer) ?? []}
      eventFields={eventFields}
      expressionHint={expressionHint}
      readOnly={readOnly}
      picked={pickedField}
      controlId={controlId(row.pointer)}
      onChange={(source) => setSource(row.pointer, source)}
      onPickedUsed={() => setPicked(undefined)}
      onAddItem={
        !readOnly && row.field?.type === "array" && mapping[row.pointer] === undefined
          ? () =>
              setItemCounts((counts) => {
                const shown = rows.filter((r) => r.itemIndex !== undefined && r.pointer.slice(0, r.pointer.lastIndexOf("/")) === row.pointer).length;
                return { ...counts, [row.pointer]: Math.max(counts[row.pointer] ?? 1, shown) + 1 };
              })
          : undefined
      }
    />
  );

  return (
    <div
      className="space-y-4"
      data-testid="mapping-editor"
      onKeyDown={(e) => {
        if (e.key === "Escape" && picked !== undefined) setPicked(undefined);
      }}
    >
      <div
        role="status"
        data-testid="mapping-summary"
        className={`rounded-md px-3 py-2 text-sm ring-1 ${
          issues.some((i) => i.severity === "error") ? "bg-red-50 text-red-800 ring-red-200" : summary.length ? "bg-amber-50 text-amber-900 ring-amber-200" : "bg-emerald-50 text-emerald-800 ring-emerald-200"
        }`}
      >
        {summary.length ? (
          <>
            <p className="font-medium">{summary.join(" · ")}</p>
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-xs">
              {issues.map((issue, i) => (
                <li key={i}>
                  <button type="button" className="text-left underline decoration-dotted underline-offset-2 hover:decoration-solid" onClick={() => focusRow(issue.target)}>
                    {issue.severity === "error" ? "Error" : "Warning"}: {issue.message}
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>All required fields are mapped and no problems were found.</p>
        )}
      </div>

      <div className="grid gap-4 lg:grid-cols-[minmax(14rem,20rem)_1fr]">
        <section aria-labelledby={`${idPrefix}-event-heading`} className="self-start rounded-lg border border-slate-200 bg-white lg:sticky lg:top-4">
          <div className="border-b border-slate-200 px-3 py-2">
            <h3 id={`${idPrefix}-event-heading`} className="text-sm font-semibold text-slate-900">
              Event fields
            </h3>
            {!readOnly ? <p className="text-xs text-slate-500">Drag a field onto an input field, or pick it and press &ldquo;Use&rdquo; on the row.</p> : null}
          </div>
          {eventFields.length === 0 ? (
            <p className="px-3 py-3 text-sm text-slate-500">This event has no fields.</p>
          ) : (
            <ul className="max-h-[32rem] overflow-auto py-1" aria-label="Event fields">
              {eventFields.map((f) => (
                <li key={f.pointer} style={{ paddingLeft: `${0.5 + f.depth * 1}rem` }} className="pr-2">
                  <div
                    draggable={!readOnly}
                    data-testid={`event-field-${f.pointer}`}
                    onDragStart={(e) => {
                      e.dataTransfer.setData(EVENT_FIELD_MIME, f.pointer);
                      e.dataTransfer.setData("text/plain", f.pointer);
                      e.dataTransfer.effectAllowed = "copy";
                    }}
                    className={`my-0.5 flex items-center gap-2 rounded-md px-2 py-1 text-sm ${readOnly ? "" : "cursor-grab hover:bg-slate-50 active:cursor-grabbing"} ${picked === f.pointer ? "bg-brand-50 ring-1 ring-brand-500" : ""}`}
                  >
                    {!readOnly ? (
                      <span aria-hidden="true" className="text-slate-400">
                        ⠿
                      </span>
                    ) : null}
                    <span className="min-w-0 flex-1 truncate" title={f.pointer}>
                      {f.label}
                      {f.required ? <span className="sr-only"> (required)</span> : null}
                    </span>
                    <MappingTypeBadge type={f.type} format={f.format} />
                    {!readOnly ? (
                      <button
                        type="button"
                        aria-pressed={picked === f.pointer}
                        aria-label={`Pick ${f.label} (${f.pointer})`}
                        className="rounded px-1.5 py-0.5 text-xs font-medium text-brand-700 hover:bg-brand-50 focus-visible:outline-2 focus-visible:outline-brand-600"
                        onClick={() => setPicked(picked === f.pointer ? undefined : f.pointer)}
                      >
                        {picked === f.pointer ? "Picked" : "Pick"}
                      </button>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
          {pickedField ? (
            <div className="flex items-center justify-between gap-2 border-t border-slate-200 px-3 py-2 text-xs text-slate-700" aria-live="polite">
              <span>
                Picked <strong>{pickedField.label}</strong>: press &ldquo;Use {pickedField.label}&rdquo; on an input field.
              </span>
              <Button type="button" variant="ghost" className="px-2 py-1 text-xs" onClick={() => setPicked(undefined)}>
                Cancel
              </Button>
            </div>
          ) : null}
        </section>

        <section aria-labelledby={`${idPrefix}-target-heading`} className="min-w-0 rounded-lg border border-slate-200 bg-white">
          <div className="border-b border-slate-200 px-3 py-2">
            <h3 id={`${idPrefix}-target-heading`} className="text-sm font-semibold text-slate-900">
              Action input
            </h3>
          </div>
          {knownRows.length === 0 ? <p className="px-3 py-3 text-sm text-slate-500">This action takes no input fields.</p> : knownRows.map(renderRow)}
        </section>
      </div>

      {otherRows.length ? (
        <section aria-labelledby={`${idPrefix}-other-heading`} className="rounded-lg border border-red-200 bg-white">
          <div className="border-b border-red-200 px-3 py-2">
            <h3 id={`${idPrefix}-other-heading`} className="text-sm font-semibold text-slate-900">
              Other mapped fields
            </h3>
            <p className="text-xs text-slate-500">These targets are not listed in the action&apos;s input.</p>
          </div>
          {otherRows.map(renderRow)}
        </section>
      ) : null}
    </div>
  );
}
