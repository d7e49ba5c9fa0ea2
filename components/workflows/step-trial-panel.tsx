"use client";

import { useId, useState, useTransition } from "react";
import type { TWorkflowStep } from "@/lib/mapping/types";
import { previewStepAction, testStepAction } from "@/lib/workflows/actions";
import type { TStepTrial } from "@/lib/workflows/run-step-now";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

function Json({ value }: { value: unknown }) {
  return <pre className="max-h-72 overflow-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">{typeof value === "string" ? value : JSON.stringify(value, null, 2)}</pre>;
}

/** "Preview" (the exact request, nothing sent) and "Test step" (sent for real) for one step. */
export function StepTrialPanel({
  step,
  customEventId,
  sample,
  endUsers,
  requiresConnection,
}: {
  step: TWorkflowStep;
  customEventId: string;
  sample: Record<string, unknown> | null;
  endUsers: { userId: string; fullName: string | null }[];
  requiresConnection: boolean;
}) {
  const id = useId();
  const [dataText, setDataText] = useState(JSON.stringify(sample ?? {}, null, 2));
  const [userId, setUserId] = useState(endUsers[0]?.userId ?? "");
  const [trial, setTrial] = useState<{ kind: "preview" | "test"; result: TStepTrial }>();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const go = (kind: "preview" | "test") =>
    startTransition(async () => {
      setError(undefined);
      let data: Record<string, unknown>;
      try {
        data = JSON.parse(dataText) as Record<string, unknown>;
      } catch (e) {
        return setError(`The event data is not valid JSON: ${(e as Error).message}`);
      }
      const input = { step, customEventId, data, userId: userId || undefined };
      const result = kind === "preview" ? await previewStepAction(input) : await testStepAction({ ...input, userId });
      if (!result.ok) return setError(result.error.message);
      setTrial({ kind, result: result.data });
    });

  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
      <h3 id={`${id}-title`} className="text-sm font-semibold">Preview and test</h3>
      <div className="grid gap-3 md:grid-cols-[1fr_14rem]">
        <div className="space-y-1">
          <label htmlFor={`${id}-data`} className="block text-sm font-medium text-slate-700">Event data (the event&apos;s sample)</label>
          <textarea id={`${id}-data`} value={dataText} onChange={(e) => setDataText(e.target.value)} rows={6} className="block w-full rounded-md px-3 py-2 font-mono text-xs ring-1 ring-slate-300" />
        </div>
        <div className="space-y-3">
          <div className="space-y-1">
            <label htmlFor={`${id}-user`} className="block text-sm font-medium text-slate-700">End user{requiresConnection ? " (their connection signs the call)" : ""}</label>
            <select id={`${id}-user`} value={userId} onChange={(e) => setUserId(e.target.value)} className="block w-full rounded-md px-2 py-2 text-sm ring-1 ring-slate-300">
              {endUsers.map((u) => <option key={u.userId} value={u.userId}>{u.userId}</option>)}
            </select>
          </div>
          <div className="flex gap-2">
            <Button variant="secondary" onClick={() => go("preview")} disabled={pending}>Preview</Button>
            <Button
              variant="secondary"
              disabled={pending || !userId}
              onClick={() => {
                if (window.confirm(`Send this step for real as ${userId}? It calls the connector and may create records there.`)) go("test");
              }}
            >
              Test step
            </Button>
          </div>
        </div>
      </div>
      <FormError message={error} />
      {trial ? (
        <div className="space-y-3 text-sm" aria-live="polite" data-testid="step-trial-result">
          {trial.result.mappingErrors.length || trial.result.inputErrors.length ? (
            <div role="alert" className="rounded-md bg-red-50 p-3 text-red-800 ring-1 ring-red-200">
              <p className="font-medium">The step would fail before sending:</p>
              <ul className="list-disc pl-5">
                {trial.result.mappingErrors.map((e) => <li key={`m${e.target}`}>{e.target}: {e.message}</li>)}
                {trial.result.inputErrors.map((e) => <li key={`i${e.path}`}>{e.path || "input"}: {e.message}</li>)}
              </ul>
            </div>
          ) : null}
          {trial.result.note ? <p className="text-amber-800">{trial.result.note}</p> : null}
          <div>
            <p className="font-medium">Resolved input</p>
            <Json value={trial.result.input} />
          </div>
          {trial.result.request ? (
            <div>
              <p className="font-medium">{trial.kind === "preview" ? "The request it would send" : "The request sent"} (secrets redacted)</p>
              <Json value={`${trial.result.request.method} ${trial.result.request.url}\n${Object.entries(trial.result.request.headers).map(([k, v]) => `${k}: ${v}`).join("\n")}\n\n${trial.result.request.body ?? ""}`} />
            </div>
          ) : null}
          {trial.result.response ? (
            <div>
              <p className={`font-medium ${trial.result.response.ok ? "text-green-800" : "text-red-800"}`}>
                {trial.result.response.ok ? "Succeeded" : "Failed"}
                {trial.result.response.httpStatus ? ` · HTTP ${trial.result.response.httpStatus}` : ""} · {trial.result.response.durationMs} ms
              </p>
              <Json value={trial.result.response.ok ? trial.result.response.output : trial.result.response.error} />
            </div>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
