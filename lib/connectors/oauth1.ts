import "server-only";
import { createHmac, randomBytes } from "node:crypto";

// OAuth 1.0a request signing (RFC 5849) with HMAC-SHA256, as NetSuite's token-based
// authentication wants it. Written by hand: it is forty lines, and owning it means no library
// decides for us whether the JSON body or the realm goes into the signature (neither does).

export type TOAuth1Options = {
  method: string;
  /** The exact URL the request goes to; its query parameters are signed. */
  url: string;
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
  /** Sent in the header, never signed (RFC 5849 3.4.1.3.1). NetSuite: the account id, "1234567_SB1". */
  realm: string;
  /** Unix seconds; now when absent. */
  timestamp?: number | string;
  /** Fresh random when absent; must differ on every request NetSuite receives. */
  nonce?: string;
};

export const OAUTH_SIGNATURE_METHOD = "HMAC-SHA256";

/** RFC 3986 percent-encoding: everything but ALPHA, DIGIT, "-", ".", "_" and "~" (RFC 5849 3.6). */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The signature base string: METHOD&encoded(base URI)&encoded(sorted, encoded parameters). */
export function oauth1BaseString(method: string, url: string, oauthParams: Record<string, string>): string {
  const parsed = new URL(url);
  // WHATWG URL already lowercases scheme and host and drops a default port, as 3.4.1.2 asks.
  const baseUri = `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  const pairs: [string, string][] = [];
  // Query parameters are form-encoded ("+" is a space), which URLSearchParams decodes correctly.
  for (const [name, value] of parsed.searchParams) pairs.push([percentEncode(name), percentEncode(value)]);
  for (const [name, value] of Object.entries(oauthParams)) pairs.push([percentEncode(name), percentEncode(value)]);
  pairs.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const parameterString = pairs.map(([name, value]) => `${name}=${value}`).join("&");
  return [method.toUpperCase(), percentEncode(baseUri), percentEncode(parameterString)].join("&");
}

export function generateOAuthNonce(): string {
  return randomBytes(16).toString("hex");
}

/** The `Authorization` header value: `OAuth realm="...", oauth_consumer_key="...", ...`. */
export function signOAuth1(options: TOAuth1Options): string {
  const oauthParams: Record<string, string> = {
    oauth_consumer_key: options.consumerKey,
    oauth_nonce: options.nonce ?? generateOAuthNonce(),
    oauth_signature_method: OAUTH_SIGNATURE_METHOD,
    oauth_timestamp: String(options.timestamp ?? Math.floor(Date.now() / 1000)),
    oauth_token: options.tokenId,
    oauth_version: "1.0",
  };
  const baseString = oauth1BaseString(options.method, options.url, oauthParams);
  const signingKey = `${percentEncode(options.consumerSecret)}&${percentEncode(options.tokenSecret)}`;
  const signature = createHmac("sha256", signingKey).update(baseString).digest("base64");
  const params = Object.entries({ ...oauthParams, oauth_signature: signature }).sort(([a], [b]) => (a < b ? -1 : 1));
  const realm = options.realm.replace(/["\\]/g, "");
  return `OAuth realm="${realm}", ${params.map(([name, value]) => `${percentEncode(name)}="${percentEncode(value)}"`).join(", ")}`;
}
