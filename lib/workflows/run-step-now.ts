import "server-only";
import { randomUUID } from "node:crypto";
import { executeAction, validateActionInput } from "@/lib/connectors/execute-action";
import { previewAction } from "@/lib/connectors/redact";
import { getActionOrThrow } from "@/lib/connectors/registry";
import { DEFAULT_STEP_TIMEOUT_SECONDS } from "@/lib/connectors/retry";
import { loadConnectionForRun } from "@/lib/connections/load-connection-secrets";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { evaluateMapping } from "@/lib/mapping/evaluate-mapping";
import type { TWorkflowStep } from "@/lib/mapping/types";

// The editor's "Preview" (what the step would send, computed, nothing sent) and "Test step" (the
// same request sent for real with an end user's connection). Neither creates a run. Earlier
// steps' outputs are not available here, so expressions that read `steps.*` see nothing.

export type TStepTrial = {
  input: Record<string, unknown>;
  mappingErrors: { target: string; message: string }[];
  inputErrors: { path: string; message: string }[];
  request: { method: string; url: string; headers: Record<string, string>; body?: string } | null;
  response?: { ok: boolean; httpStatus?: number; output?: unknown; error?: string; durationMs: number };
  note?: string;
};

export async function runStepNow({
  step,
  customEventId,
  data,
  userId,
  send,
}: {
  step: TWorkflowStep;
  customEventId: string;
  data: Record<string, unknown>;
  userId?: string;
  send: boolean;
}): Promise<TStepTrial> {
  const event = await db().customEvent.findUnique({ where: { id: customEventId }, select: { name: true } });
  if (!event) throw new AppError("not_found", { message: "The trigger event no longer exists." });
  let action;
  try {
    action = getActionOrThrow(step.action);
  } catch {
    throw new AppError("validation_failed", { message: `Pick an action for "${step.name}".` });
  }
  const endUser = userId ? await db().endUser.findUnique({ where: { userId }, select: { id: true, userId: true } }) : null;
  if (userId && !endUser) throw new AppError("end_user_not_found", { message: `There is no end user "${userId}".` });
  if (send && !endUser) throw new AppError("validation_failed", { message: "Choose the end user whose connection the test uses." });

  const mapped = await evaluateMapping({
    mapping: step.mapping,
    context: { data, event: { id: "preview", name: event.name }, endUser: { userId: endUser?.userId ?? "preview-user" }, steps: {} },
    targetSchema: action.inputSchema,
  });
  const validation = validateActionInput(action, mapped.input);
  const inputErrors = validation.valid ? [] : validation.errors.map((e) => ({ path: e.path, message: e.message }));

  let connection: Record<string, string> | undefined;
  let note: string | undefined;
  if (action.requiresConnection) {
    connection = endUser ? ((await loadConnectionForRun({ endUserId: endUser.id, connector: action.connector })) ?? undefined) : undefined;
    if (!connection) {
      note = endUser
        ? `End user "${endUser.userId}" has no ${action.connector} connection; add one on their page.`
        : "Choose an end user to sign the request with their connection.";
    }
  }
  const context = { runId: `test_${randomUUID()}`, stepId: step.id, attempt: 1, connection };
  let request: TStepTrial["request"] = null;
  if (mapped.errors.length === 0 && inputErrors.length === 0 && (!action.requiresConnection || connection || !send)) {
    try {
      // Without the end user's connection, the action's own stand-in values sign the preview.
      request = previewAction({ action, input: mapped.input, context });
    } catch (error) {
      note = (error as Error).message;
    }
  }
  const trial: TStepTrial = { input: mapped.input, mappingErrors: mapped.errors, inputErrors, request, note };
  if (!send) return trial;
  if (mapped.errors.length || inputErrors.length) return trial;
  if (action.requiresConnection && !connection) throw new AppError("validation_failed", { message: note ?? "A connection is needed." });

  const result = await executeAction({ action, input: mapped.input, context, timeoutMs: (step.timeoutSeconds ?? DEFAULT_STEP_TIMEOUT_SECONDS) * 1000 });
  trial.request = result.request;
  trial.response = result.ok
    ? { ok: true, httpStatus: result.httpStatus, output: result.output, durationMs: result.durationMs }
    : { ok: false, httpStatus: result.httpStatus ?? result.error.httpStatus, error: result.error.message, durationMs: result.durationMs };
  return trial;
}

