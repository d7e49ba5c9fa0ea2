import { createHmac } from "node:crypto";
import OAuth from "oauth-1.0a";
import { describe, expect, it } from "vitest";
import { oauth1BaseString, percentEncode, signOAuth1 } from "@/lib/connectors/oauth1";

const credentials = {
  consumerKey: "ef417c5e3f0d4d6f9b1e1a4b0f1f1c1a",
  consumerSecret: "c0nsumer+secret/with=specials",
  tokenId: "2f6a3b7c8d9e0f1a2b3c4d5e6f7a8b9c",
  tokenSecret: "t0ken secret&more",
};

/** The same header computed by the oauth-1.0a package, an implementation independent of ours. */
function referenceHeader(options: { method: string; url: string; realm: string; timestamp: number; nonce: string }) {
  const oauth = new OAuth({
    consumer: { key: credentials.consumerKey, secret: credentials.consumerSecret },
    signature_method: "HMAC-SHA256",
    hash_function: (base, key) => createHmac("sha256", key).update(base).digest("base64"),
    realm: options.realm,
  });
  oauth.getNonce = () => options.nonce;
  oauth.getTimeStamp = () => options.timestamp;
  const data = oauth.authorize({ url: options.url, method: options.method }, { key: credentials.tokenId, secret: credentials.tokenSecret });
  return oauth.toHeader(data).Authorization;
}

describe("signOAuth1", () => {
  it.each([
    ["POST", "https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/invoice"],
    ["GET", "https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/invoice/eid:INV-0001"],
    ["GET", "https://1234567.suitetalk.api.netsuite.com/services/rest/query/v1/suiteql?limit=10&offset=20"],
    ["GET", "http://127.0.0.1:4010/services/rest/record/v1/invoice?q=caf%C3%A9%20%26%20co&a=2&a=1&empty="],
  ])("agrees with oauth-1.0a for %s %s", (method, url) => {
    const fixed = { method, url, realm: "1234567_SB1", timestamp: 1767225600, nonce: "abc123DEF456ghi789" };
    const header = signOAuth1({ ...credentials, ...fixed });
    expect(header).toBe(referenceHeader(fixed));
  });

  it("puts the realm first and unsigned, and uses HMAC-SHA256 with OAuth 1.0", () => {
    const header = signOAuth1({
      ...credentials,
      method: "POST",
      url: "https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/invoice",
      realm: "1234567_SB1",
      timestamp: 1767225600,
      nonce: "fixednonce",
    });
    expect(header).toMatch(/^OAuth realm="1234567_SB1", oauth_consumer_key="ef417c5e3f0d4d6f9b1e1a4b0f1f1c1a", oauth_nonce="fixednonce", oauth_signature="[A-Za-z0-9%]+", oauth_signature_method="HMAC-SHA256", oauth_timestamp="1767225600", oauth_token="2f6a3b7c8d9e0f1a2b3c4d5e6f7a8b9c", oauth_version="1.0"$/);
    // The realm is not part of the signature: another realm, same signature.
    const other = signOAuth1({ ...credentials, method: "POST", url: "https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/invoice", realm: "OTHER", timestamp: 1767225600, nonce: "fixednonce" });
    expect(other.replace(/^OAuth realm="[^"]*"/, "")).toBe(header.replace(/^OAuth realm="[^"]*"/, ""));
  });

  it("uses a fresh nonce and the current time when none is given", () => {
    const options = { ...credentials, method: "POST", url: "https://example.com/x", realm: "R" };
    const nonce = (header: string) => /oauth_nonce="([^"]+)"/.exec(header)?.[1];
    const first = signOAuth1(options);
    expect(nonce(first)).not.toBe(nonce(signOAuth1(options)));
    const timestamp = Number(/oauth_timestamp="(\d+)"/.exec(first)?.[1]);
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(5);
  });
});

describe("oauth1BaseString", () => {
  it("matches RFC 5849 section 3.4.1.1's example base string", () => {
    // The RFC's body parameters (c2, a3=2 q) are given as query parameters here: they are signed the same way.
    const base = oauth1BaseString("post", "http://EXAMPLE.com:80/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b&c2=&a3=2+q", {
      oauth_consumer_key: "9djdj82h48djs9d2",
      oauth_token: "kkk9d7dh3k39sjv7",
      oauth_signature_method: "HMAC-SHA1",
      oauth_timestamp: "137131201",
      oauth_nonce: "7d8f3e4a",
    });
    expect(base).toBe(
      "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7",
    );
  });

  it("percent-encodes per RFC 3986: only unreserved characters stay", () => {
    expect(percentEncode("Ladies + Gentlemen")).toBe("Ladies%20%2B%20Gentlemen");
    expect(percentEncode("An encoded string!")).toBe("An%20encoded%20string%21");
    expect(percentEncode("Dogs, Cats & Mice")).toBe("Dogs%2C%20Cats%20%26%20Mice");
    expect(percentEncode("☃")).toBe("%E2%98%83");
    expect(percentEncode("-._~*'()")).toBe("-._~%2A%27%28%29");
  });
});
