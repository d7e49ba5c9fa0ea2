import { describe, expect, it } from "vitest";
import { connectionInputSchema, normalizeConnectionValue } from "./schemas";

const NETSUITE = { name: "Acme", accountId: "1234567", consumerKey: "ck", consumerSecret: "cs", tokenId: "tid", tokenSecret: "ts" };

function errors(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

describe("connectionInputSchema", () => {
  it.each(["1234567", "1234567_SB1", "1234567-sb2", "1234567_sb10", "TSTDRV1234567", "1234567_RP"])("accepts the NetSuite account id %s", (accountId) => {
    expect(connectionInputSchema("netsuite", "create").safeParse({ ...NETSUITE, accountId }).success).toBe(true);
  });

  it.each([
    [{ accountId: "acme corp" }, { accountId: "Account ID looks like 1234567, TSTDRV1234567, or 1234567_SB1 for a sandbox account." }],
    [{ accountId: "1234567_PROD" }, { accountId: "Account ID looks like 1234567, TSTDRV1234567, or 1234567_SB1 for a sandbox account." }],
    [{ consumerKey: " " }, { consumerKey: "Enter the consumer key." }],
    [{ tokenSecret: undefined }, { tokenSecret: "Enter the token secret." }],
    [{ baseUrl: "netsuite.com" }, { baseUrl: "REST base URL must be an http(s) URL, like https://1234567.suitetalk.api.netsuite.com." }],
    [{ name: "" }, { name: "Enter a name for this connection." }],
  ])("refuses %o on create", (change, expected) => {
    expect(errors(connectionInputSchema("netsuite", "create").safeParse({ ...NETSUITE, ...change }))).toEqual(expected);
  });

  it("lets secrets stay blank on update but not settings", () => {
    const update = connectionInputSchema("netsuite", "update");
    expect(update.safeParse({ ...NETSUITE, consumerSecret: "", tokenSecret: "" }).success).toBe(true);
    expect(errors(update.safeParse({ ...NETSUITE, tokenId: "" }))).toEqual({ tokenId: "Enter the token ID." });
  });

  it.each([
    ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", true],
    [`whsec_${Buffer.alloc(64, 1).toString("base64")}`, true],
    [`whsec_${Buffer.alloc(16, 1).toString("base64")}`, false],
    [`whsec_${Buffer.alloc(65, 1).toString("base64")}`, false],
    ["MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", false],
    ["whsec_not base64!", false],
  ])("webhook signing secret %s valid: %s", (signingSecret, valid) => {
    expect(connectionInputSchema("webhook", "create").safeParse({ name: "Hooks", signingSecret }).success).toBe(valid);
  });
});

describe("normalizeConnectionValue", () => {
  it("stores account ids in the OAuth realm's spelling and URLs without a trailing slash", () => {
    expect(normalizeConnectionValue("accountId", "1234567-sb1")).toBe("1234567_SB1");
    expect(normalizeConnectionValue("baseUrl", "https://x.example.com/")).toBe("https://x.example.com");
    expect(normalizeConnectionValue("consumerKey", "abc-def")).toBe("abc-def");
  });
});
