import "server-only";
import { validateData } from "@/lib/schemas/validator";
import { redactRequest } from "./redaction";
import { getAction } from "./registry";
import { isStepError } from "./step-error";
import type { TActionResult, TCallContext, TConnectorAction, TExecutedAction, TIncomingResponse, TOutgoingRequest, TStepError } from "./types";

// One attempt of one step: validate the input, build the request, send it with a timeout, read
// at most 1 MiB of the answer, and let the action classify it. Network failures and timeouts are
// retryable (the engine decides whether attempts are left). Nothing here touches the database.

export const MAX_RESPONSE_BYTES = 1024 * 1024;

export type TExecuteActionOptions = {
  /** The action, or its key ("netsuite.createInvoice"). */
  action: TConnectorAction | string;
  input: unknown;
  context: TCallContext;
  fetchImpl?: typeof fetch;
  /** Per request; the NetSuite follow-up lookup gets its own. */
  timeoutMs: number;
  /** Aborts the attempt, e.g. when the worker shuts down. */
  signal?: AbortSignal;
};

type TSent = { ok: true; response: TIncomingResponse } | { ok: false; error: TStepError };

export async function executeAction(options: TExecuteActionOptions): Promise<TExecutedAction> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const prepared = prepareRequest(options);
  if (!prepared.ok) {
    return { ok: false, error: prepared.error, request: null, durationMs: elapsed() };
  }
  const { action, request } = prepared;
  const { context } = options;

  const sent = await sendRequest(request, options);
  if (!sent.ok) return { ok: false, error: sent.error, request: redactRequest(request), durationMs: elapsed() };

  let followUpRequest: TOutgoingRequest | undefined;
  let result: TActionResult;
  let lastStatus = sent.response.status;
  try {
    followUpRequest = action.parseFollowUp ? action.followUp?.(sent.response, request, context) : undefined;
    if (followUpRequest) {
      const followed = await sendRequest(followUpRequest, options);
      if (followed.ok) lastStatus = followed.response.status;
      result = followed.ok
        ? action.parseFollowUp!(followed.response, followUpRequest, context, { response: sent.response, request })
        : { ok: false, error: followed.error };
    } else {
      result = action.parseResponse(sent.response, request, context);
    }
  } catch (error) {
    result = { ok: false, error: unexpectedError(error, "reading the answer") };
  }

  const executed: TExecutedAction = { ...result, request: redactRequest(request), durationMs: elapsed(), httpStatus: result.ok ? (result.httpStatus ?? lastStatus) : lastStatus };
  if (followUpRequest) executed.followUpRequest = redactRequest(followUpRequest);
  return executed;
}

type TPrepared =
  | { ok: true; action: TConnectorAction; request: TOutgoingRequest }
  | { ok: false; error: TStepError };

/** Everything up to sending: shared with previewAction so that the preview is the real request. */
/** The input checked against the action's input schema (one compiled validator per action). */
export function validateActionInput(action: Pick<TConnectorAction, "key" | "inputSchema">, input: unknown) {
  return validateData(action.inputSchema, input, `connector-action:${action.key}`);
}

export function prepareRequest(options: { action: TConnectorAction | string; input: unknown; context: TCallContext }): TPrepared {
  const action = typeof options.action === "string" ? getAction(options.action) : options.action;
  if (!action) {
    return { ok: false, error: { message: `This step uses the action "${String(options.action)}", which does not exist.`, code: "unknown_action", retryable: false } };
  }
  if (action.requiresConnection && !options.context.connection) {
    return {
      ok: false,
      error: { message: `This step needs a ${action.connector} connection for the end user; add one on the end user's page.`, code: "connection_missing", retryable: false },
    };
  }

  // Validation first: one message naming every bad field says more than buildRequest's first complaint.
  const validation = validateActionInput(action, options.input);
  if (!validation.valid) {
    const shown = validation.errors.slice(0, 5).map((e) => e.message);
    const more = validation.errors.length > shown.length ? ` (and ${validation.errors.length - shown.length} more)` : "";
    const error: TStepError = {
      message: `The step's input is invalid: ${shown.join("; ")}${more}.`,
      code: "validation_failed",
      retryable: false,
      details: validation.errors,
    };
    return { ok: false, error };
  }
  try {
    return { ok: true, action, request: action.buildRequest(options.input, options.context) };
  } catch (error) {
    return { ok: false, error: isStepError(error) ? error.toStepError() : unexpectedError(error, "building the request") };
  }
}

function unexpectedError(error: unknown, while_: string): TStepError {
  const reason = error instanceof Error ? error.message : String(error);
  return { message: `The connector failed while ${while_}: ${reason}`, code: "connector_error", retryable: false };
}

async function sendRequest(request: TOutgoingRequest, options: TExecuteActionOptions): Promise<TSent> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const host = hostOf(request.url);
  try {
    const response = await fetchImpl(request.url, { method: request.method, headers: request.headers, body: request.body, signal, redirect: "follow" });
    const { text, truncated } = await readLimited(response, MAX_RESPONSE_BYTES);
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const incoming: TIncomingResponse = { status: response.status, headers, body: text };
    if (truncated) incoming.truncated = true;
    return { ok: true, response: incoming };
  } catch (error) {
    if (timeout.aborted) {
      return { ok: false, error: { message: `${host} did not answer within ${formatSeconds(options.timeoutMs)}.`, code: "timeout", retryable: true } };
    }
    if (options.signal?.aborted) {
      return { ok: false, error: { message: `The request to ${host} was cancelled (the worker is stopping).`, code: "aborted", retryable: true } };
    }
    return { ok: false, error: networkError(error, host) };
  }
}

async function readLimited(response: Response, maxBytes: number): Promise<{ text: string; truncated: boolean }> {
  if (!response.body) return { text: "", truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = maxBytes - total;
    if (value.byteLength > room) {
      chunks.push(value.subarray(0, room));
      total += room;
      truncated = true;
      await reader.cancel().catch(() => undefined);
      break;
    }
    chunks.push(value);
    total += value.byteLength;
  }
  return { text: Buffer.concat(chunks, total).toString("utf8"), truncated };
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: "the connection was refused",
  ECONNRESET: "the connection was reset",
  ENOTFOUND: "the host name does not resolve",
  EAI_AGAIN: "the host name could not be resolved right now",
  ETIMEDOUT: "the connection timed out",
  EHOSTUNREACH: "the host is unreachable",
  ENETUNREACH: "the network is unreachable",
  EPIPE: "the connection closed while sending",
  UND_ERR_SOCKET: "the connection closed unexpectedly",
  UND_ERR_CONNECT_TIMEOUT: "the connection timed out",
  UND_ERR_HEADERS_TIMEOUT: "no answer headers arrived in time",
  UND_ERR_BODY_TIMEOUT: "the answer's body stopped arriving",
};

function networkError(error: unknown, host: string): TStepError {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  const reason =
    (code && NETWORK_REASONS[code]) ??
    (typeof cause?.message === "string" ? cause.message : error instanceof Error ? error.message : String(error));
  return {
    message: `Could not reach ${host}: ${reason}${code ? ` (${code})` : ""}.`,
    code: "network_error",
    retryable: true,
    details: code ? { cause: code } : undefined,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
