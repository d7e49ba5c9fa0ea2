import "server-only";
import { WEBHOOK_SEND } from "./catalog";
import { checkHttpUrl, httpStatusError, isSuccessStatus } from "./http-response";
import { isValidWebhookSecret, signStandardWebhook } from "./standard-webhooks";
import { StepError } from "./step-error";
import type { TActionResult, TCallContext, TConnectorAction, TIncomingResponse, TOutgoingRequest } from "./types";

// webhook.send: a Standard Webhooks message. The id is derived from the run and the step, so
// every retry of a step sends the same webhook-id and a receiver can drop the repeats.

export function webhookMessageId(context: Pick<TCallContext, "runId" | "stepId">): string {
  return `msg_${context.runId}_${context.stepId}`;
}

function buildRequest(input: unknown, context: TCallContext): TOutgoingRequest {
  const secret = context.connection?.signingSecret;
  if (!context.connection) throw new StepError("connection_missing", "This step needs a webhook connection with a signing secret; add one on the end user's page.");
  if (!secret || !isValidWebhookSecret(secret)) {
    throw new StepError("connection_invalid", 'The webhook connection\'s signing secret must be "whsec_" followed by base64; edit the end user\'s connection.');
  }
  const { url, eventType, payload } = (input ?? {}) as { url?: unknown; eventType?: unknown; payload?: unknown };
  const target = checkHttpUrl(url);
  if (typeof eventType !== "string" || eventType.trim() === "") throw new StepError("validation_failed", "eventType is required.");
  if (payload === undefined) throw new StepError("validation_failed", "payload is required.");
  const now = context.now?.() ?? new Date();
  const body = JSON.stringify({ type: eventType, timestamp: now.toISOString(), data: payload });
  const signed = signStandardWebhook({ id: webhookMessageId(context), timestamp: now, body, secret });
  return { method: "POST", url: target, headers: { "Content-Type": "application/json", ...signed }, body };
}

function parseResponse(response: TIncomingResponse, request: TOutgoingRequest, context: TCallContext): TActionResult {
  if (!isSuccessStatus(response.status)) {
    return { ok: false, error: httpStatusError({ response, subject: "The webhook endpoint", now: context.now?.() }) };
  }
  return { ok: true, httpStatus: response.status, output: { status: response.status, messageId: request.headers["webhook-id"] } };
}

export const webhookSend: TConnectorAction = {
  ...WEBHOOK_SEND,
  buildRequest,
  parseResponse,
  // A well-formed stand-in (base64 of "preview-secret-not-real"), so Preview can sign before a connection exists.
  previewConnection: { signingSecret: `whsec_${Buffer.from("preview-secret-not-real").toString("base64")}` },
};
