import "server-only";
import { NETSUITE_CREATE_INVOICE } from "./catalog";
import { describeStatus, header, isRetryableStatus, isSuccessStatus, parseJson, retryAfterMsOf, bodySnippet } from "./http-response";
import { signOAuth1 } from "./oauth1";
import { StepError } from "./step-error";
import type { TActionResult, TCallContext, TConnectionConfig, TConnectorAction, TIncomingResponse, TOutgoingRequest, TStepError } from "./types";

// netsuite.createInvoice: POST /services/rest/record/v1/invoice, signed per attempt. A retry
// after a lost answer (timeout, connection reset) may find that the first attempt did create the
// invoice; NetSuite then refuses the external ID as a duplicate and the follow-up looks the
// invoice up by that ID, so the step succeeds with the invoice that exists.

const INVOICE_PATH = "/services/rest/record/v1/invoice";

export type TNetSuiteConnection = {
  accountId: string;
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
  baseUrl?: string;
};

export type TNetSuiteErrorDetail = { detail: string; errorCode?: string; errorPath?: string };

/** NetSuite's realm is the account id in upper case with "_" ("1234567_SB1"), as its docs show it. */
export function netsuiteRealm(accountId: string): string {
  return accountId.trim().toUpperCase().replace(/-/g, "_");
}

/** The account's SuiteTalk host: lower case, "_" becomes "-" ("https://1234567-sb1.suitetalk.api.netsuite.com"). */
export function netsuiteBaseUrl(connection: Pick<TNetSuiteConnection, "accountId" | "baseUrl">): string {
  const custom = connection.baseUrl?.trim();
  if (custom) return custom.replace(/\/+$/, "");
  return `https://${connection.accountId.trim().toLowerCase().replace(/_/g, "-")}.suitetalk.api.netsuite.com`;
}

const REQUIRED_FIELDS: [keyof TNetSuiteConnection, string][] = [
  ["accountId", "Account ID"],
  ["consumerKey", "Consumer key"],
  ["consumerSecret", "Consumer secret"],
  ["tokenId", "Token ID"],
  ["tokenSecret", "Token secret"],
];

export function readNetSuiteConnection(config: TConnectionConfig | undefined): TNetSuiteConnection {
  if (!config) {
    throw new StepError("connection_missing", "This step needs a NetSuite connection; add one on the end user's page.");
  }
  const missing = REQUIRED_FIELDS.filter(([key]) => !config[key]?.trim()).map(([, label]) => label);
  if (missing.length > 0) {
    throw new StepError("connection_invalid", `The NetSuite connection has no ${missing.join(", ")}; edit the end user's connection.`);
  }
  const baseUrl = config.baseUrl?.trim() || undefined;
  if (baseUrl && !/^https?:\/\/[^/]/i.test(baseUrl)) {
    throw new StepError("connection_invalid", `The NetSuite connection's REST base URL "${baseUrl}" is not an http(s) address.`);
  }
  return {
    accountId: config.accountId!.trim(),
    consumerKey: config.consumerKey!.trim(),
    consumerSecret: config.consumerSecret!,
    tokenId: config.tokenId!.trim(),
    tokenSecret: config.tokenSecret!,
    baseUrl,
  };
}

function signedRequest(options: {
  method: "GET" | "POST";
  url: string;
  body?: string;
  connection: TNetSuiteConnection;
  context: TCallContext;
}): TOutgoingRequest {
  const { connection, context } = options;
  const now = context.now?.() ?? new Date();
  const authorization = signOAuth1({
    method: options.method,
    url: options.url,
    consumerKey: connection.consumerKey,
    consumerSecret: connection.consumerSecret,
    tokenId: connection.tokenId,
    tokenSecret: connection.tokenSecret,
    realm: netsuiteRealm(connection.accountId),
    timestamp: Math.floor(now.getTime() / 1000),
    nonce: context.nonce?.(),
  });
  const headers: Record<string, string> = { Accept: "application/json", Authorization: authorization };
  if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    headers.Prefer = "transient";
  }
  const request: TOutgoingRequest = { method: options.method, url: options.url, headers };
  if (options.body !== undefined) request.body = options.body;
  return request;
}

function buildRequest(input: unknown, context: TCallContext): TOutgoingRequest {
  const connection = readNetSuiteConnection(context.connection);
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new StepError("validation_failed", "The invoice must be a JSON object.");
  }
  const externalId = (input as { externalId?: unknown }).externalId;
  if (typeof externalId !== "string" || externalId.trim() === "") {
    throw new StepError("validation_failed", "externalId is required: it is what keeps a retried step from creating a second invoice.");
  }
  return signedRequest({
    method: "POST",
    url: `${netsuiteBaseUrl(connection)}${INVOICE_PATH}`,
    body: JSON.stringify(input),
    connection,
    context,
  });
}

/** NetSuite's error body: `{ type, title, status, "o:errorDetails": [{ detail, "o:errorCode", "o:errorPath"? }] }`. */
export function readNetSuiteErrorDetails(body: string): TNetSuiteErrorDetail[] {
  const parsed = parseJson(body) as { "o:errorDetails"?: unknown } | undefined;
  const details = parsed && typeof parsed === "object" ? parsed["o:errorDetails"] : undefined;
  if (!Array.isArray(details)) return [];
  return details.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const record = item as Record<string, unknown>;
    if (typeof record.detail !== "string") return [];
    const result: TNetSuiteErrorDetail = { detail: record.detail };
    if (typeof record["o:errorCode"] === "string") result.errorCode = record["o:errorCode"];
    if (typeof record["o:errorPath"] === "string") result.errorPath = record["o:errorPath"];
    return [result];
  });
}

function formatDetails(details: TNetSuiteErrorDetail[]): string {
  return details.map((d) => `${d.detail.trim().replace(/\.+$/, "")}${d.errorCode ? ` (${d.errorCode})` : ""}`).join("; ");
}

/** True when NetSuite refused the record because one with its external ID exists. */
export function isDuplicateRecordError(response: TIncomingResponse): boolean {
  if (response.status !== 400 && response.status !== 409) return false;
  return readNetSuiteErrorDetails(response.body).some(
    (d) => /^DUP_/i.test(d.errorCode ?? "") || /already exists|duplicate/i.test(d.detail),
  );
}

/** A failed NetSuite answer as one sentence, classified for retrying. */
export function netsuiteError(response: TIncomingResponse, options: { subject: string; now?: Date }): TStepError {
  const { status } = response;
  const details = readNetSuiteErrorDetails(response.body);
  const detailText = details.length > 0 ? formatDetails(details) : bodySnippet(response.body, 200);
  const auth = status === 401 || status === 403;
  // 409 is a concurrent edit of the same record; it is worth another try unless it is a duplicate.
  const retryable = isRetryableStatus(status) || (status === 409 && !isDuplicateRecordError(response));
  let message: string;
  if (retryable) {
    message = `NetSuite could not take ${options.subject} right now (${describeStatus(status)})${detailText ? `: ${detailText}` : ""}.`;
  } else {
    message = `NetSuite refused ${options.subject}: ${detailText || describeStatus(status)}.`;
    if (auth) message += " Check the end user's NetSuite connection (account ID, consumer key and secret, token ID and secret).";
  }
  const error: TStepError = {
    message,
    code: auth ? "auth_failed" : "http_error",
    retryable,
    httpStatus: status,
    details: { status, errorDetails: details, ...(details.length === 0 && response.body ? { body: response.body.slice(0, 4096) } : {}) },
  };
  const retryAfterMs = retryAfterMsOf(response, options.now);
  if (retryAfterMs !== undefined) error.retryAfterMs = retryAfterMs;
  return error;
}

function requestExternalId(request: TOutgoingRequest): string | undefined {
  const body = parseJson(request.body ?? "") as { externalId?: unknown } | undefined;
  return typeof body?.externalId === "string" ? body.externalId : undefined;
}

function invoiceIdFromLocation(location: string | undefined): string | undefined {
  if (!location) return undefined;
  const match = /\/invoice\/([^/?#]+)\/?(?:[?#].*)?$/.exec(location);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

function parseResponse(response: TIncomingResponse, request: TOutgoingRequest, context: TCallContext): TActionResult {
  const now = context.now?.();
  if (!isSuccessStatus(response.status)) return { ok: false, error: netsuiteError(response, { subject: "the invoice", now }) };
  const location = header(response, "location");
  const id = invoiceIdFromLocation(location);
  if (!id || !location) {
    // The invoice most likely exists; another attempt will find it through its external ID.
    return {
      ok: false,
      error: {
        message: `NetSuite accepted the invoice (${describeStatus(response.status)}) but did not say its ID; the next attempt looks it up by external ID.`,
        code: "unexpected_response",
        retryable: true,
        httpStatus: response.status,
      },
    };
  }
  return { ok: true, httpStatus: response.status, output: { id, externalId: requestExternalId(request), location } };
}

function followUp(response: TIncomingResponse, request: TOutgoingRequest, context: TCallContext): TOutgoingRequest | undefined {
  if (!isDuplicateRecordError(response)) return undefined;
  const externalId = requestExternalId(request);
  if (!externalId) return undefined;
  const connection = readNetSuiteConnection(context.connection);
  return signedRequest({
    method: "GET",
    url: `${netsuiteBaseUrl(connection)}${INVOICE_PATH}/eid:${encodeURIComponent(externalId)}`,
    connection,
    context,
  });
}

function parseFollowUp(
  response: TIncomingResponse,
  request: TOutgoingRequest,
  context: TCallContext,
  original: { response: TIncomingResponse; request: TOutgoingRequest },
): TActionResult {
  const now = context.now?.();
  const externalId = requestExternalId(original.request);
  if (response.status === 404) {
    // The duplicate was about something else than the external ID: NetSuite's first answer says what.
    return { ok: false, error: netsuiteError(original.response, { subject: "the invoice", now }) };
  }
  if (!isSuccessStatus(response.status)) {
    const error = netsuiteError(response, { subject: `the lookup of invoice ${externalId ?? ""}`.trim(), now });
    error.message = `An invoice with external ID ${externalId} already exists, but looking it up failed. ${error.message}`;
    return { ok: false, error };
  }
  const record = parseJson(response.body) as { id?: unknown; links?: unknown } | undefined;
  const selfLink = Array.isArray(record?.links)
    ? (record.links as { rel?: unknown; href?: unknown }[]).find((link) => link.rel === "self" && typeof link.href === "string")?.href
    : undefined;
  const id = typeof record?.id === "string" || typeof record?.id === "number" ? String(record.id) : invoiceIdFromLocation(selfLink as string | undefined);
  if (!id) {
    return {
      ok: false,
      error: {
        message: `An invoice with external ID ${externalId} already exists, but NetSuite's answer to looking it up had no ID.`,
        code: "unexpected_response",
        retryable: false,
        httpStatus: response.status,
      },
    };
  }
  const base = request.url.slice(0, request.url.indexOf(INVOICE_PATH));
  return {
    ok: true,
    httpStatus: response.status,
    output: { id, externalId, location: `${base}${INVOICE_PATH}/${encodeURIComponent(id)}`, deduplicated: true },
  };
}

export const netsuiteCreateInvoice: TConnectorAction = {
  ...NETSUITE_CREATE_INVOICE,
  buildRequest,
  parseResponse,
  followUp,
  parseFollowUp,
  previewConnection: {
    accountId: "YOUR_ACCOUNT_ID",
    consumerKey: "consumer-key",
    consumerSecret: "consumer-secret",
    tokenId: "token-id",
    tokenSecret: "token-secret",
  },
};
