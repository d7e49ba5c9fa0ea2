"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState, useTransition } from "react";
import { DEFAULT_RETRY, DEFAULT_STEP_TIMEOUT_SECONDS } from "@/lib/connectors/retry";
import type { TActionListItem as TActionDescriptor } from "@/lib/connectors/types";
import type { TWorkflowStep } from "@/lib/mapping/types";
import { deleteWorkflowAction, saveWorkflowAction, setWorkflowStatusAction } from "@/lib/workflows/actions";
import { blockingProblems, checkWorkflowSteps } from "@/lib/workflows/check-workflow";
import type { TWorkflowForEditor } from "@/lib/workflows/get-workflow";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";
import { formatDateTime } from "@/components/ui/format";
import { MappingEditor } from "@/components/workflows/mapping-editor";
import { StepTrialPanel } from "@/components/workflows/step-trial-panel";
import { WorkflowStatusBadge } from "@/components/workflows/workflow-status-badge";

type TEndUserOption = { userId: string; fullName: string | null };

/** JSON with sorted keys: steps come back from the database (jsonb) with their keys reordered. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

function nextStepId(steps: TWorkflowStep[]) {
  let n = steps.length + 1;
  while (steps.some((s) => s.id === `step_${n}`)) n += 1;
  return `step_${n}`;
}

export function WorkflowEditor({
  workflow,
  actions,
  endUsers,
  readOnly,
}: {
  workflow: TWorkflowForEditor;
  actions: TActionDescriptor[];
  endUsers: TEndUserOption[];
  readOnly: boolean;
}) {
  const router = useRouter();
  const initial = useMemo(
    () => ({
      name: workflow.name,
      allEndUsers: workflow.allEndUsers,
      endUserIds: workflow.endUserIds,
      runTimeoutSeconds: workflow.runTimeoutSeconds,
      steps: workflow.steps,
    }),
    [workflow],
  );
  const [state, setState] = useState(initial);
  const [selected, setSelected] = useState(0);
  const [newAction, setNewAction] = useState(actions[0]?.key ?? "");
  const [userFilter, setUserFilter] = useState("");
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();

  const dirty = canonical(state) !== canonical(initial);
  const stepIssues = checkWorkflowSteps({ steps: state.steps, eventSchema: workflow.customEvent.schema });
  const problems = blockingProblems(stepIssues, state.steps.length);
  const step = state.steps[selected];
  const action = step ? actions.find((a) => a.key === step.action) : undefined;

  const updateStep = (index: number, patch: Partial<TWorkflowStep>) =>
    setState((s) => ({ ...s, steps: s.steps.map((st, i) => (i === index ? { ...st, ...patch } : st)) }));
  const moveStep = (index: number, by: -1 | 1) =>
    setState((s) => {
      const steps = [...s.steps];
      const [moved] = steps.splice(index, 1);
      steps.splice(index + by, 0, moved!);
      return { ...s, steps };
    });

  const save = () =>
    startTransition(async () => {
      setError(undefined);
      setMessage(undefined);
      const result = await saveWorkflowAction({ id: workflow.id, customEventId: workflow.customEvent.id, baseVersion: workflow.version, ...state });
      if (!result.ok) return setError(result.error.message);
      setMessage(result.data.created ? `Saved as version ${result.data.version}.` : "Saved.");
      router.refresh();
    });
  const setStatus = (status: "ACTIVE" | "PAUSED") =>
    startTransition(async () => {
      setError(undefined);
      setMessage(undefined);
      const result = await setWorkflowStatusAction(workflow.id, status);
      if (!result.ok) return setError(result.error.message);
      setMessage(status === "ACTIVE" ? "Active: new events now start runs." : "Paused: new events no longer start runs.");
      router.refresh();
    });
  const remove = () =>
    startTransition(async () => {
      if (!window.confirm(`Delete the workflow "${workflow.name}"? This cannot be undone.`)) return;
      const result = await deleteWorkflowAction(workflow.id);
      if (!result.ok) return setError(result.error.message);
      router.push("/workflows");
    });

  const filteredUsers = endUsers.filter((u) => `${u.userId} ${u.fullName ?? ""}`.toLowerCase().includes(userFilter.toLowerCase()));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm text-slate-500">
            <Link href="/workflows" className="hover:underline">Workflows</Link> /
          </p>
          <h1 className="flex items-center gap-3 text-2xl font-semibold tracking-tight text-slate-900">
            {workflow.name} <WorkflowStatusBadge status={workflow.status} />
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            Triggered by{" "}
            <Link className="font-mono text-brand-700 hover:underline" href={`/events/${encodeURIComponent(workflow.customEvent.name)}`}>
              {workflow.customEvent.name}
            </Link>
            {workflow.version ? ` · version ${workflow.version}` : ""}
            {" · "}
            <Link className="text-brand-700 hover:underline" href={`/runs?workflowId=${workflow.id}`}>runs</Link>
          </p>
        </div>
        {readOnly ? null : (
          <div className="flex flex-wrap gap-2">
            <Button onClick={save} disabled={pending || !dirty}>{pending ? "Working…" : dirty ? "Save" : "Saved"}</Button>
            {workflow.status === "ACTIVE" ? (
              <Button variant="secondary" onClick={() => setStatus("PAUSED")} disabled={pending}>Pause</Button>
            ) : (
              <Button
                variant="secondary"
                onClick={() => setStatus("ACTIVE")}
                disabled={pending || dirty || problems.length > 0}
                title={dirty ? "Save your changes first" : problems.length ? "Fix the problems listed below first" : undefined}
              >
                Activate
              </Button>
            )}
            {workflow.status !== "ACTIVE" ? <Button variant="danger" onClick={remove} disabled={pending}>Delete</Button> : null}
          </div>
        )}
      </div>

      <div aria-live="polite">
        {message ? <p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800 ring-1 ring-green-200">{message}</p> : null}
        <FormError message={error} />
      </div>

      {problems.length > 0 ? (
        <section aria-labelledby="problems" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
          <h2 id="problems" className="font-semibold">
            {workflow.status === "ACTIVE" ? "Fix before saving" : "Before it can be activated"} ({problems.length})
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {problems.map((p) => <li key={p}>{p}</li>)}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="settings" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 md:grid-cols-3">
        <h2 id="settings" className="sr-only">Settings</h2>
        <TextField label="Name" value={state.name} disabled={readOnly} onChange={(e) => setState((s) => ({ ...s, name: e.target.value }))} />
        <TextField
          label="Run time limit (seconds)"
          type="number"
          min={10}
          value={state.runTimeoutSeconds}
          disabled={readOnly}
          hint="A run still unfinished after this long (retries included) fails."
          onChange={(e) => setState((s) => ({ ...s, runTimeoutSeconds: Number(e.target.value) }))}
        />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">Runs for</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="audience" checked={state.allEndUsers} disabled={readOnly} onChange={() => setState((s) => ({ ...s, allEndUsers: true }))} />
            All end users
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="audience" checked={!state.allEndUsers} disabled={readOnly} onChange={() => setState((s) => ({ ...s, allEndUsers: false }))} />
            Only chosen end users ({state.endUserIds.length})
          </label>
          {!state.allEndUsers ? (
            <div className="rounded-md ring-1 ring-slate-200">
              <label className="sr-only" htmlFor="end-user-filter">Filter end users</label>
              <input
                id="end-user-filter"
                value={userFilter}
                onChange={(e) => setUserFilter(e.target.value)}
                placeholder="Filter end users"
                className="w-full border-b border-slate-200 px-2 py-1.5 text-sm"
              />
              <ul className="max-h-40 overflow-auto p-1">
                {filteredUsers.map((u) => (
                  <li key={u.userId}>
                    <label className="flex items-center gap-2 px-1 py-0.5 text-sm">
                      <input
                        type="checkbox"
                        disabled={readOnly}
                        checked={state.endUserIds.includes(u.userId)}
                        onChange={(e) =>
                          setState((s) => ({
                            ...s,
                            endUserIds: e.target.checked ? [...s.endUserIds, u.userId].sort() : s.endUserIds.filter((x) => x !== u.userId),
                          }))
                        }
                      />
                      <span className="font-mono">{u.userId}</span>
                      {u.fullName ? <span className="text-slate-500">{u.fullName}</span> : null}
                    </label>
                  </li>
                ))}
                {filteredUsers.length === 0 ? <li className="px-1 py-0.5 text-sm text-slate-500">No end user matches.</li> : null}
              </ul>
            </div>
          ) : null}
        </fieldset>
      </section>

      <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <section aria-labelledby="steps" className="h-fit space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="steps" className="text-sm font-semibold text-slate-900">Steps</h2>
          {state.steps.length === 0 ? <p className="text-sm text-slate-600">No steps yet. Add the first action this workflow performs.</p> : null}
          <ol className="space-y-1">
            {state.steps.map((s, i) => {
              const errors = stepIssues[i]?.issues.filter((x) => x.severity === "error").length ?? 0;
              return (
                <li key={s.id} className={`rounded-md px-2 py-1.5 text-sm ${i === selected ? "bg-brand-50 ring-1 ring-brand-200" : ""}`}>
                  <button type="button" className="w-full text-left" onClick={() => setSelected(i)} aria-current={i === selected ? "step" : undefined}>
                    <span className="font-medium">{i + 1}. {s.name}</span>
                    <span className="block text-xs text-slate-500">{actions.find((a) => a.key === s.action)?.name ?? s.action}</span>
                    {errors ? <span className="text-xs text-red-700">{errors} problem{errors === 1 ? "" : "s"}</span> : null}
                  </button>
                  {readOnly ? null : (
                    <div className="mt-1 flex gap-1">
                      <button type="button" className="rounded px-1 text-xs ring-1 ring-slate-300 disabled:opacity-40" disabled={i === 0} onClick={() => moveStep(i, -1)} aria-label={`Move ${s.name} up`}>↑</button>
                      <button type="button" className="rounded px-1 text-xs ring-1 ring-slate-300 disabled:opacity-40" disabled={i === state.steps.length - 1} onClick={() => moveStep(i, 1)} aria-label={`Move ${s.name} down`}>↓</button>
                      <button
                        type="button"
                        className="rounded px-1 text-xs text-red-700 ring-1 ring-red-200"
                        aria-label={`Remove ${s.name}`}
                        onClick={() => {
                          setState((st) => ({ ...st, steps: st.steps.filter((_, j) => j !== i) }));
                          setSelected(0);
                        }}
                      >
                        Remove
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
          {readOnly ? null : (
            <div className="space-y-2 border-t border-slate-100 pt-3">
              <SelectField label="Action" value={newAction} onChange={(e) => setNewAction(e.target.value)}>
                {actions.map((a) => <option key={a.key} value={a.key}>{a.name}</option>)}
              </SelectField>
              <Button
                variant="secondary"
                className="w-full"
                onClick={() => {
                  const descriptor = actions.find((a) => a.key === newAction);
                  if (!descriptor) return;
                  setState((s) => ({ ...s, steps: [...s.steps, { id: nextStepId(s.steps), name: descriptor.name, action: descriptor.key, mapping: {} }] }));
                  setSelected(state.steps.length);
                }}
              >
                Add step
              </Button>
            </div>
          )}
        </section>

        {step ? (
          <section aria-labelledby="step-detail" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="step-detail" className="text-base font-semibold">Step {selected + 1}: {step.name}</h2>
            <div className="grid gap-4 md:grid-cols-4">
              <TextField label="Step name" value={step.name} disabled={readOnly} onChange={(e) => updateStep(selected, { name: e.target.value })} />
              <TextField
                label="Attempts"
                type="number"
                min={1}
                max={20}
                disabled={readOnly}
                value={step.retry?.maxAttempts ?? DEFAULT_RETRY.maxAttempts}
                hint="Network errors, 429 and 5xx are retried with backoff"
                onChange={(e) => updateStep(selected, { retry: { ...DEFAULT_RETRY, ...step.retry, maxAttempts: Number(e.target.value) } })}
              />
              <TextField
                label="First retry after (s)"
                type="number"
                min={0.1}
                step={0.1}
                disabled={readOnly}
                value={step.retry?.initialDelaySeconds ?? DEFAULT_RETRY.initialDelaySeconds}
                onChange={(e) => updateStep(selected, { retry: { ...DEFAULT_RETRY, ...step.retry, initialDelaySeconds: Number(e.target.value) } })}
              />
              <TextField
                label="Call timeout (s)"
                type="number"
                min={1}
                max={600}
                disabled={readOnly}
                value={step.timeoutSeconds ?? DEFAULT_STEP_TIMEOUT_SECONDS}
                onChange={(e) => updateStep(selected, { timeoutSeconds: Number(e.target.value) })}
              />
            </div>
            <p className="text-sm text-slate-600">
              <span className="font-medium">{action?.name ?? step.action}</span> — {action?.description ?? "This action is not available."} Step id{" "}
              <code className="rounded bg-slate-100 px-1">{step.id}</code> (expressions in later steps read its output as{" "}
              <code className="rounded bg-slate-100 px-1">steps.{step.id}</code>).
            </p>
            {action ? (
              <MappingEditor
                targetSchema={action.inputSchema}
                eventSchema={workflow.customEvent.schema}
                mapping={step.mapping}
                onChange={(mapping) => updateStep(selected, { mapping })}
                earlierSteps={state.steps.slice(0, selected).map((s) => ({ id: s.id, name: s.name }))}
                readOnly={readOnly}
              />
            ) : null}
            {readOnly ? null : (
              <StepTrialPanel
                key={step.id}
                step={step}
                customEventId={workflow.customEvent.id}
                sample={workflow.customEvent.sample}
                endUsers={endUsers}
                requiresConnection={Boolean(action?.requiresConnection)}
              />
            )}
          </section>
        ) : null}
      </div>

      <section aria-labelledby="versions" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="versions" className="text-base font-semibold">Versions</h2>
        <p className="mt-1 text-sm text-slate-600">Saving changed steps creates a new version; each run keeps the version it ran.</p>
        <ul className="mt-3 divide-y divide-slate-100 text-sm">
          {workflow.versions.map((v) => (
            <li key={v.version} className="flex justify-between py-1.5">
              <span>Version {v.version}{v.version === workflow.version ? " (current)" : ""}</span>
              <span className="text-slate-500">{formatDateTime(v.createdAt)} · {v.runs} run{v.runs === 1 ? "" : "s"}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
