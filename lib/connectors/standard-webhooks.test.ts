import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, isValidWebhookSecret, signStandardWebhook } from "@/lib/connectors/standard-webhooks";

describe("signStandardWebhook", () => {
  it("produces headers the standardwebhooks library verifies", () => {
    const secret = generateWebhookSecret();
    const body = JSON.stringify({ type: "invoice.created", timestamp: new Date().toISOString(), data: { id: "inv_1", amount: 12.5, note: "café ☃" } });
    const headers = signStandardWebhook({ id: "msg_run_step", timestamp: new Date(), body, secret });
    expect(Object.keys(headers).sort()).toEqual(["webhook-id", "webhook-signature", "webhook-timestamp"]);
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("signs exactly what the library signs, for a Date or unix seconds", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const at = new Date("2026-01-01T12:00:00.750Z");
    const expected = new Webhook(secret).sign("msg_1", at, '{"a":1}');
    expect(signStandardWebhook({ id: "msg_1", timestamp: at, body: '{"a":1}', secret })["webhook-signature"]).toBe(expected);
    expect(signStandardWebhook({ id: "msg_1", timestamp: at.getTime() / 1000, body: '{"a":1}', secret })).toEqual({
      "webhook-id": "msg_1",
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": expected,
    });
  });

  it("is refused by the library for another body, id or secret", () => {
    const secret = generateWebhookSecret();
    const headers = signStandardWebhook({ id: "msg_1", timestamp: new Date(), body: '{"a":1}', secret });
    expect(() => new Webhook(secret).verify('{"a":2}', headers)).toThrow();
    expect(() => new Webhook(secret).verify('{"a":1}', { ...headers, "webhook-id": "msg_2" })).toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify('{"a":1}', headers)).toThrow();
  });
});

describe("generateWebhookSecret", () => {
  it("is whsec_ and 32 random bytes of base64", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
    expect(isValidWebhookSecret(secret)).toBe(true);
    expect(isValidWebhookSecret("whsec_")).toBe(false);
    expect(isValidWebhookSecret("not base64!")).toBe(false);
  });
});
