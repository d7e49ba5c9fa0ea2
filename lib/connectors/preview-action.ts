import "server-only";
import { prepareRequest } from "./execute-action";
import { redactRequest } from "./redaction";
import { getAction } from "./registry";
import { StepError } from "./step-error";
import type { TCallContext, TConnectorAction, TOutgoingRequest } from "./types";

// "Preview" in the workflow editor: the exact request a step would send for an input, signed
// with the end user's real connection when given (the action's stand-in values otherwise), and
// redacted before it leaves the server. Nothing is sent.

/** The redacted request; throws a StepError (message for the UI) when none can be built. */
export function previewAction(options: {
  action: TConnectorAction | string;
  input: unknown;
  context?: Partial<TCallContext>;
}): TOutgoingRequest {
  const action = typeof options.action === "string" ? getAction(options.action) : options.action;
  const given = options.context ?? {};
  const context: TCallContext = {
    ...given,
    runId: given.runId ?? "preview",
    stepId: given.stepId ?? "step",
    attempt: given.attempt ?? 1,
    connection: given.connection ?? (action?.requiresConnection ? (action.previewConnection ?? {}) : undefined),
  };
  const prepared = prepareRequest({ action: action ?? String(options.action), input: options.input, context });
  if (!prepared.ok) {
    const { message, code, ...rest } = prepared.error;
    throw new StepError(code, message, rest);
  }
  return redactRequest(prepared.request);
}
