import { describe, expect, it } from "vitest";
import { REDACTED, redactRequest, redactSecrets } from "@/lib/connectors/redaction";

describe("redactRequest", () => {
  it("keeps the OAuth parameters that help debugging and hides keys, token and signature", () => {
    const request = {
      method: "POST",
      url: "https://1234567.suitetalk.api.netsuite.com/services/rest/record/v1/invoice",
      headers: {
        Authorization:
          'OAuth realm="1234567", oauth_consumer_key="ck-123", oauth_nonce="n0nce", oauth_signature="c2lnbmF0dXJl%3D", oauth_signature_method="HMAC-SHA256", oauth_timestamp="1767225600", oauth_token="tk-456", oauth_version="1.0"',
        "Content-Type": "application/json",
      },
      body: '{"externalId":"inv_1"}',
    };
    const redacted = redactRequest(request);
    expect(redacted.headers.Authorization).toBe(
      'OAuth realm="1234567", oauth_consumer_key="[redacted]", oauth_nonce="n0nce", oauth_signature="[redacted]", oauth_signature_method="HMAC-SHA256", oauth_timestamp="1767225600", oauth_token="[redacted]", oauth_version="1.0"',
    );
    expect(redacted.headers["Content-Type"]).toBe("application/json");
    // The body is kept byte for byte when nothing in it is secret.
    expect(redacted.body).toBe(request.body);
    // The original is untouched.
    expect(request.headers.Authorization).toContain("ck-123");
  });

  it("hides secret headers, query parameters, URL passwords and body fields", () => {
    const redacted = redactRequest({
      method: "POST",
      url: "https://user:hunter2@api.example.com/hook?api_key=k-1&page=2&access_token=t-1",
      headers: {
        authorization: "Bearer sk_live_123",
        "webhook-signature": "v1,abc",
        "webhook-id": "msg_1",
        Cookie: "session=abc",
        "X-API-Key": "k-2",
        "X-Client-Secret": "s-3",
        "X-Forwarded-For": "whsec_Zm9vYmFy",
      },
      body: JSON.stringify({ password: "p", nested: [{ tokenSecret: "t" }], amount: 5 }),
    });
    expect(redacted.headers).toEqual({
      authorization: `Bearer ${REDACTED}`,
      "webhook-signature": REDACTED,
      "webhook-id": "msg_1",
      Cookie: REDACTED,
      "X-API-Key": REDACTED,
      "X-Client-Secret": REDACTED,
      "X-Forwarded-For": REDACTED,
    });
    const url = new URL(redacted.url);
    expect(url.password).toBe("redacted");
    expect(url.searchParams.get("api_key")).toBe(REDACTED);
    expect(url.searchParams.get("access_token")).toBe(REDACTED);
    expect(url.searchParams.get("page")).toBe("2");
    expect(JSON.parse(redacted.body!)).toEqual({ password: REDACTED, nested: [{ tokenSecret: REDACTED }], amount: 5 });
    expect(JSON.stringify(redacted)).not.toMatch(/hunter2|sk_live_123|k-1|k-2|s-3|t-1|"p"/);
  });
});

describe("redactSecrets", () => {
  it("redacts secret-named keys at any depth and whsec_/ce_live_ values, without mutating", () => {
    const input = {
      consumerKey: "ck",
      consumerSecret: "cs",
      signingSecret: "whsec_abc",
      settings: { apiKey: "x", "api-key": "y", list: [{ password: "p", name: "ok" }], note: "ce_live_abc" },
      empty: { token: "" },
      amount: 12.5,
    };
    expect(redactSecrets(input)).toEqual({
      consumerKey: "ck",
      consumerSecret: REDACTED,
      signingSecret: REDACTED,
      settings: { apiKey: REDACTED, "api-key": REDACTED, list: [{ password: REDACTED, name: "ok" }], note: REDACTED },
      empty: { token: "" },
      amount: 12.5,
    });
    expect(input.consumerSecret).toBe("cs");
    expect(redactSecrets(null)).toBeNull();
    expect(redactSecrets("plain")).toBe("plain");
  });
});
