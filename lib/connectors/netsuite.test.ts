import { createHmac } from "node:crypto";
import OAuth from "oauth-1.0a";
import { describe, expect, it } from "vitest";
import { netsuiteBaseUrl, netsuiteCreateInvoice, netsuiteRealm } from "@/lib/connectors/netsuite";
import { StepError } from "@/lib/connectors/step-error";
import type { TCallContext, TIncomingResponse } from "@/lib/connectors/types";

const connection = {
  accountId: "1234567_SB1",
  consumerKey: "ck-1",
  consumerSecret: "cs-1",
  tokenId: "tk-1",
  tokenSecret: "ts-1",
};
const now = new Date("2026-01-01T00:00:00Z");
const context: TCallContext = { runId: "run-1", stepId: "create_invoice", attempt: 1, connection, now: () => now, nonce: () => "n0nce123" };
const input = {
  entity: { id: "42" },
  externalId: "inv_0001",
  tranId: "INV-2026-0001",
  tranDate: "2026-01-01",
  item: { items: [{ item: { id: "7" }, quantity: 2, rate: 625, amount: 1250 }] },
};
const URL_ = "https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/invoice";

function netsuiteErrorBody(status: number, details: { detail: string; code: string; path?: string }[]) {
  return JSON.stringify({
    type: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1",
    title: "Bad Request",
    status,
    "o:errorDetails": details.map((d) => ({ detail: d.detail, "o:errorCode": d.code, ...(d.path ? { "o:errorPath": d.path } : {}) })),
  });
}

function response(status: number, body = "", headers: Record<string, string> = {}): TIncomingResponse {
  return { status, headers, body };
}

describe("netsuite.createInvoice request", () => {
  it("POSTs the input as JSON to the account's record API, signed with realm = account id", () => {
    const request = netsuiteCreateInvoice.buildRequest(input, context);
    expect(request.method).toBe("POST");
    expect(request.url).toBe(URL_);
    expect(JSON.parse(request.body!)).toEqual(input);
    expect(request.headers).toMatchObject({ "Content-Type": "application/json", Prefer: "transient", Accept: "application/json" });

    // The oauth-1.0a package, given the same nonce and time, computes the same header.
    const oauth = new OAuth({
      consumer: { key: "ck-1", secret: "cs-1" },
      signature_method: "HMAC-SHA256",
      hash_function: (base, key) => createHmac("sha256", key).update(base).digest("base64"),
      realm: "1234567_SB1",
    });
    oauth.getNonce = () => "n0nce123";
    oauth.getTimeStamp = () => now.getTime() / 1000;
    const expected = oauth.toHeader(oauth.authorize({ url: URL_, method: "POST" }, { key: "tk-1", secret: "ts-1" })).Authorization;
    expect(request.headers.Authorization).toBe(expected);
  });

  it("signs every attempt afresh", () => {
    const fresh = { ...context, nonce: undefined, now: undefined };
    const nonce = (header: string | undefined) => /oauth_nonce="([^"]+)"/.exec(header ?? "")?.[1];
    const first = netsuiteCreateInvoice.buildRequest(input, fresh);
    const second = netsuiteCreateInvoice.buildRequest(input, { ...fresh, attempt: 2 });
    expect(nonce(first.headers.Authorization)).toBeTruthy();
    expect(nonce(first.headers.Authorization)).not.toBe(nonce(second.headers.Authorization));
  });

  it.each([
    [{ accountId: "1234567" }, "1234567", "https://1234567.suitetalk.api.netsuite.com"],
    [{ accountId: "1234567_SB1" }, "1234567_SB1", "https://1234567-sb1.suitetalk.api.netsuite.com"],
    [{ accountId: "1234567-sb1" }, "1234567_SB1", "https://1234567-sb1.suitetalk.api.netsuite.com"],
    [{ accountId: "tstdrv123", baseUrl: "http://127.0.0.1:4010/" }, "TSTDRV123", "http://127.0.0.1:4010"],
  ])("account %j: realm %s, base %s", (account, realm, base) => {
    expect(netsuiteRealm(account.accountId)).toBe(realm);
    expect(netsuiteBaseUrl(account)).toBe(base);
  });

  it("refuses a connection missing credentials, or an input without externalId", () => {
    const build = (overrides: Partial<TCallContext>, body: unknown = input) => () => netsuiteCreateInvoice.buildRequest(body, { ...context, ...overrides });
    expect(build({ connection: { ...connection, tokenSecret: "" } })).toThrow(new StepError("connection_invalid", "The NetSuite connection has no Token secret; edit the end user's connection."));
    expect(build({ connection: undefined })).toThrow(/needs a NetSuite connection/);
    expect(build({}, { ...input, externalId: "" })).toThrow(/externalId is required/);
  });
});

describe("netsuite.createInvoice response", () => {
  const request = netsuiteCreateInvoice.buildRequest(input, context);

  it("reads the new invoice's id from Location", () => {
    const result = netsuiteCreateInvoice.parseResponse(response(204, "", { location: `${URL_}/1234` }), request, context);
    expect(result).toEqual({ ok: true, httpStatus: 204, output: { id: "1234", externalId: "inv_0001", location: `${URL_}/1234` } });
  });

  it("names each of NetSuite's error details in one sentence", () => {
    const body = netsuiteErrorBody(400, [{ detail: "Invalid value for field entity.", code: "USER_ERROR", path: "entity" }]);
    const result = netsuiteCreateInvoice.parseResponse(response(400, body), request, context);
    expect(result).toMatchObject({
      ok: false,
      error: { message: "NetSuite refused the invoice: Invalid value for field entity (USER_ERROR).", code: "http_error", retryable: false, httpStatus: 400 },
    });
    const two = netsuiteErrorBody(400, [
      { detail: "Please enter value(s) for: Customer", code: "USER_ERROR" },
      { detail: "Invalid Field Value 9999 for the following field: item", code: "INVALID_CONTENT", path: "item.items[0].item" },
    ]);
    const result2 = netsuiteCreateInvoice.parseResponse(response(400, two), request, context);
    expect(result2.ok || result2.error.message).toBe(
      "NetSuite refused the invoice: Please enter value(s) for: Customer (USER_ERROR); Invalid Field Value 9999 for the following field: item (INVALID_CONTENT).",
    );
  });

  it.each([
    [400, netsuiteErrorBody(400, [{ detail: "Bad", code: "USER_ERROR" }]), false, "http_error"],
    [401, netsuiteErrorBody(401, [{ detail: "Invalid login attempt.", code: "INVALID_LOGIN" }]), false, "auth_failed"],
    [403, "", false, "auth_failed"],
    [404, "", false, "http_error"],
    [408, "", true, "http_error"],
    [409, netsuiteErrorBody(409, [{ detail: "Record has been changed", code: "RCRD_HAS_BEEN_CHANGED" }]), true, "http_error"],
    [409, netsuiteErrorBody(409, [{ detail: "This record already exists", code: "DUP_RCRD" }]), false, "http_error"],
    [429, netsuiteErrorBody(429, [{ detail: "Request limit exceeded", code: "CONCURRENCY_LIMIT_EXCEEDED" }]), true, "http_error"],
    [500, "", true, "http_error"],
    [502, "<html><body>Bad gateway</body></html>", true, "http_error"],
    [503, netsuiteErrorBody(503, [{ detail: "Service unavailable", code: "SERVICE_UNAVAILABLE" }]), true, "http_error"],
  ])("HTTP %i is retryable: %s", (status, body, retryable, code) => {
    const result = netsuiteCreateInvoice.parseResponse(response(status, body as string), request, context);
    expect(result).toMatchObject({ ok: false, error: { retryable, code, httpStatus: status } });
  });

  it("says what an unusual answer was without pasting HTML, and asks to check the connection on 401", () => {
    const html = netsuiteCreateInvoice.parseResponse(response(502, "<html><body>Bad gateway</body></html>"), request, context);
    expect(html.ok || html.error.message).toBe("NetSuite could not take the invoice right now (HTTP 502 Bad Gateway).");
    const auth = netsuiteCreateInvoice.parseResponse(
      response(401, netsuiteErrorBody(401, [{ detail: "Invalid login attempt.", code: "INVALID_LOGIN" }])),
      request,
      context,
    );
    expect(auth.ok || auth.error.message).toBe(
      "NetSuite refused the invoice: Invalid login attempt (INVALID_LOGIN). Check the end user's NetSuite connection (account ID, consumer key and secret, token ID and secret).",
    );
  });

  it("passes Retry-After on, in seconds or as a date", () => {
    const seconds = netsuiteCreateInvoice.parseResponse(response(429, "", { "retry-after": "30" }), request, context);
    expect(seconds).toMatchObject({ ok: false, error: { retryable: true, retryAfterMs: 30_000 } });
    const date = netsuiteCreateInvoice.parseResponse(response(503, "", { "Retry-After": "Thu, 01 Jan 2026 00:02:00 GMT" }), request, context);
    expect(date).toMatchObject({ ok: false, error: { retryable: true, retryAfterMs: 120_000 } });
  });

  it("on a duplicate external ID, looks the invoice up instead and reports it found", () => {
    const duplicate = response(400, netsuiteErrorBody(400, [{ detail: "A record with this external ID already exists.", code: "DUP_RCRD" }]));
    const lookup = netsuiteCreateInvoice.followUp!(duplicate, request, context);
    expect(lookup).toMatchObject({ method: "GET", url: `${URL_}/eid:inv_0001` });
    expect(lookup!.body).toBeUndefined();
    expect(lookup!.headers.Authorization).toMatch(/^OAuth realm="1234567_SB1", /);

    const found = response(200, JSON.stringify({ id: "1234", externalId: "inv_0001", links: [{ rel: "self", href: `${URL_}/1234` }] }));
    expect(netsuiteCreateInvoice.parseFollowUp!(found, lookup!, context, { response: duplicate, request })).toEqual({
      ok: true,
      httpStatus: 200,
      output: { id: "1234", externalId: "inv_0001", location: `${URL_}/1234`, deduplicated: true },
    });
    // Not found after all: the first answer's error stands.
    const missing = netsuiteCreateInvoice.parseFollowUp!(response(404, ""), lookup!, context, { response: duplicate, request });
    expect(missing).toMatchObject({ ok: false, error: { message: "NetSuite refused the invoice: A record with this external ID already exists (DUP_RCRD).", retryable: false } });
  });

  it("sends no follow-up for other errors", () => {
    const other = response(400, netsuiteErrorBody(400, [{ detail: "Invalid value for field entity", code: "USER_ERROR" }]));
    expect(netsuiteCreateInvoice.followUp!(other, request, context)).toBeUndefined();
    expect(netsuiteCreateInvoice.followUp!(response(503, ""), request, context)).toBeUndefined();
  });
});
