import { createHmac, timingSafeEqual } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import OAuth from "oauth-1.0a";

// A stand-in for NetSuite's REST record API, enough for tests and the demo: invoices are
// created, read by id and by external ID, and refused the way NetSuite refuses them (bad
// signature, missing customer or lines, duplicate external ID), with NetSuite's error bodies.
// Signatures are checked with the oauth-1.0a package, not with our own signer, so a test that
// passes here proves our signing agrees with an independent implementation.

export type TFakeNetSuiteAccount = {
  accountId: string;
  consumerKey: string;
  consumerSecret: string;
  tokenId: string;
  tokenSecret: string;
};

/** The demo's credentials: the seed puts them in the demo end user's connection. */
export const DEMO_NETSUITE_ACCOUNT = {
  accountId: "DEMO123",
  consumerKey: "demo-consumer-key",
  consumerSecret: "demo-consumer-secret",
  tokenId: "demo-token-id",
  tokenSecret: "demo-token-secret",
} as const satisfies TFakeNetSuiteAccount;

export type TStoredInvoiceLine = { item: { id: string }; amount: number; description?: string; quantity?: number; rate?: number };

/** The posted invoice as NetSuite keeps it: the body's fields plus id, account, total and creation time. */
export type TStoredInvoice = {
  id: string;
  accountId: string;
  externalId: string | null;
  entity: { id: string };
  tranId?: string;
  tranDate?: string;
  memo?: string;
  currency?: { id: string };
  item: { items: TStoredInvoiceLine[] };
  total: number;
  createdAt: string;
  [field: string]: unknown;
};

export type TFakeNetSuiteOptions = {
  /** 0 (default) picks a free port. */
  port?: number;
  /** 127.0.0.1 unless told otherwise. */
  host?: string;
  accounts: TFakeNetSuiteAccount[];
  /** Every API answer is held this long; the invoice is created at once (so a client that gives up has still created it). */
  delayMs?: number;
  /** Answer this many API requests with 503 first. */
  failNext?: number;
  /** A JSON file the invoices are loaded from and saved to, so they outlive a restart. */
  file?: string;
  /** Called for each created invoice (the CLI logs it). */
  onInvoice?: (invoice: TStoredInvoice) => void;
};

export type TFakeNetSuite = {
  url: string;
  /** Live list, oldest first. */
  invoices: TStoredInvoice[];
  /** API requests received (everything but GET /invoices). */
  readonly requests: number;
  setDelay(ms: number): void;
  failNext(count: number): void;
  /** Forgets invoices, counters, delay and pending failures (and empties the file). */
  reset(): Promise<void>;
  close(): Promise<void>;
};

const RECORD_PATH = "/services/rest/record/v1/invoice";
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const TIMESTAMP_TOLERANCE_SECONDS = 300;

const STATUS_TYPES: Record<number, string> = {
  400: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.1",
  401: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2",
  404: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.5",
  405: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.6",
  415: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.16",
  503: "https://www.rfc-editor.org/rfc/rfc9110.html#section-15.6.4",
};

type TErrorDetail = { detail: string; code: string; path?: string };

type TReply = { status: number; headers: Record<string, string>; body?: string };

function errorReply(status: number, details: TErrorDetail[], headers: Record<string, string> = {}): TReply {
  const body = {
    type: STATUS_TYPES[status] ?? "https://www.rfc-editor.org/rfc/rfc9110.html",
    title: http.STATUS_CODES[status] ?? "Error",
    status,
    "o:errorDetails": details.map((d) => ({ detail: d.detail, "o:errorCode": d.code, ...(d.path ? { "o:errorPath": d.path } : {}) })),
  };
  return jsonReply(status, body, { "Content-Type": "application/vnd.oracle.resource+json; type=error; charset=UTF-8", ...headers });
}

function jsonReply(status: number, body: unknown, headers: Record<string, string>): TReply {
  return { status, headers, body: JSON.stringify(body) };
}

function send(res: http.ServerResponse, reply: TReply) {
  if (res.destroyed) return;
  const headers: http.OutgoingHttpHeaders = { ...reply.headers };
  if (reply.body !== undefined) headers["Content-Length"] = Buffer.byteLength(reply.body);
  res.writeHead(reply.status, headers);
  res.end(reply.body);
}

const INVALID_LOGIN: TErrorDetail = {
  detail: "Invalid login attempt. For more details, see the Login Audit Trail in the NetSuite UI at Setup > Users/Roles > User Management > View Login Audit Trail.",
  code: "INVALID_LOGIN",
};

function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** The parameters of an `Authorization: OAuth realm="...", oauth_...="..."` header, decoded. */
function parseOAuthHeader(value: string | undefined): Record<string, string> | undefined {
  if (!value || !/^OAuth\s/i.test(value)) return undefined;
  const params: Record<string, string> = {};
  for (const [, name, raw] of value.matchAll(/([A-Za-z0-9_]+)="([^"]*)"/g)) {
    try {
      params[name!] = decodeURIComponent(raw!);
    } catch {
      return undefined;
    }
  }
  return params;
}

function realmOf(accountId: string) {
  return accountId.trim().toUpperCase().replace(/-/g, "_");
}

function safeEqual(a: string, b: string) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function asIdRef(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const id = (value as { id?: unknown }).id;
  if ((typeof id === "string" && id.trim() !== "") || typeof id === "number") return String(id);
  return undefined;
}

export async function startFakeNetSuite(options: TFakeNetSuiteOptions): Promise<TFakeNetSuite> {
  const host = options.host ?? "127.0.0.1";
  const invoices: TStoredInvoice[] = options.file ? loadInvoices(options.file) : [];
  let nextId = invoices.reduce((max, invoice) => Math.max(max, Number(invoice.id) || 0), 1000) + 1;
  let requests = 0;
  let delayMs = options.delayMs ?? 0;
  let failures = options.failNext ?? 0;
  // Nonces seen within the timestamp window: NetSuite refuses a replayed one, and so do we.
  const seenNonces = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  let url = "";
  const saver = options.file ? createSaver(options.file) : undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  function authenticate(req: http.IncomingMessage): { account: TFakeNetSuiteAccount } | { reason: string } {
    const params = parseOAuthHeader(req.headers.authorization);
    if (!params) return { reason: "no OAuth Authorization header" };
    const { realm, oauth_consumer_key, oauth_token, oauth_signature, oauth_signature_method, oauth_timestamp, oauth_nonce } = params;
    if (oauth_signature_method !== "HMAC-SHA256") return { reason: `signature method ${oauth_signature_method} is not HMAC-SHA256` };
    if (!oauth_signature || !oauth_nonce || !oauth_timestamp) return { reason: "signature, nonce or timestamp missing" };
    const account = options.accounts.find((a) => a.consumerKey === oauth_consumer_key && a.tokenId === oauth_token);
    if (!account) return { reason: "unknown consumer key or token" };
    if (realm !== realmOf(account.accountId)) return { reason: `realm ${realm} is not ${realmOf(account.accountId)}` };
    const now = Math.floor(Date.now() / 1000);
    if (Math.abs(now - Number(oauth_timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) return { reason: "timestamp out of range" };

    const oauth = new OAuth({
      consumer: { key: account.consumerKey, secret: account.consumerSecret },
      signature_method: "HMAC-SHA256",
      hash_function: (base, key) => createHmac("sha256", key).update(base).digest("base64"),
    });
    const oauthData = Object.fromEntries(Object.entries(params).filter(([name]) => name.startsWith("oauth_") && name !== "oauth_signature"));
    const expected = oauth.getSignature(
      { method: req.method ?? "GET", url: `http://${req.headers.host}${req.url}` },
      account.tokenSecret,
      oauthData as unknown as OAuth.Data,
    );
    if (!safeEqual(expected, oauth_signature)) return { reason: "signature mismatch" };

    const nonceKey = `${account.consumerKey}:${oauth_nonce}`;
    if (seenNonces.has(nonceKey)) return { reason: "nonce already used" };
    seenNonces.set(nonceKey, now);
    if (seenNonces.size > 10_000) {
      for (const [key, at] of seenNonces) if (now - at > TIMESTAMP_TOLERANCE_SECONDS) seenNonces.delete(key);
    }
    return { account };
  }

  function recordView(invoice: TStoredInvoice) {
    const self = `${url}${RECORD_PATH}/${invoice.id}`;
    const { accountId, total, createdAt, ...fields } = invoice;
    void accountId;
    return { links: [{ rel: "self", href: self }], ...fields, total, createdDate: createdAt };
  }

  function createInvoice(req: http.IncomingMessage, account: TFakeNetSuiteAccount, text: string | undefined): TReply {
    if (!/application\/json/i.test(req.headers["content-type"] ?? "")) {
      return errorReply(415, [{ detail: "Invalid content type. You can use only application/json with this request.", code: "INVALID_CONTENT_TYPE" }]);
    }
    let body: unknown;
    try {
      body = text === undefined ? undefined : JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      return errorReply(400, [{ detail: "Invalid content in the request body.", code: "INVALID_CONTENT" }]);
    }
    const fields = body as Record<string, unknown>;
    const entityId = asIdRef(fields.entity);
    if (!entityId) {
      return errorReply(400, [{ detail: "Error while accessing a resource. Please enter value(s) for: Customer.", code: "USER_ERROR", path: "entity" }]);
    }
    const lines = (fields.item as { items?: unknown } | undefined)?.items;
    if (!Array.isArray(lines) || lines.length === 0) {
      return errorReply(400, [{ detail: "Error while accessing a resource. You must enter at least one line item for this transaction.", code: "USER_ERROR", path: "item" }]);
    }
    const badLine = lines.findIndex((line) => !asIdRef((line as { item?: unknown } | null)?.item));
    if (badLine >= 0) {
      return errorReply(400, [{ detail: "Error while accessing a resource. Please enter value(s) for: Item.", code: "USER_ERROR", path: `item.items[${badLine}].item` }]);
    }
    const externalId = typeof fields.externalId === "string" && fields.externalId !== "" ? fields.externalId : null;
    if (externalId !== null && invoices.some((i) => i.accountId === account.accountId && i.externalId === externalId)) {
      return errorReply(400, [
        { detail: `Error while accessing a resource. A record with this external ID already exists: ${externalId}.`, code: "DUP_RCRD", path: "externalId" },
      ]);
    }
    const total = lines.reduce((sum: number, line) => sum + (Number((line as { amount?: unknown }).amount) || 0), 0);
    const invoice = {
      ...fields,
      id: String(nextId++),
      accountId: account.accountId,
      externalId,
      entity: { ...(fields.entity as object), id: entityId },
      total: Math.round(total * 100) / 100,
      createdAt: new Date().toISOString(),
    } as TStoredInvoice;
    invoices.push(invoice);
    saver?.save(invoices);
    options.onInvoice?.(invoice);
    return { status: 204, headers: { Location: `${url}${RECORD_PATH}/${invoice.id}` } };
  }

  function getInvoice(account: TFakeNetSuiteAccount, reference: string): TReply {
    const byExternalId = reference.startsWith("eid:");
    const key = byExternalId ? reference.slice(4) : reference;
    const invoice = invoices.find((i) => i.accountId === account.accountId && (byExternalId ? i.externalId === key : i.id === key));
    if (!invoice) {
      return errorReply(404, [
        { detail: `The record instance does not exist. Provide a valid record instance ID.`, code: "NONEXISTENT_ID", path: byExternalId ? "externalId" : "id" },
      ]);
    }
    return jsonReply(200, recordView(invoice), { "Content-Type": "application/vnd.oracle.resource+json; type=singular-resource; charset=UTF-8" });
  }

  /** What NetSuite would answer; the invoice is created here, before any delay. */
  function respond(req: http.IncomingMessage, pathname: string, body: string | undefined): TReply {
    if (failures > 0) {
      failures--;
      return errorReply(503, [{ detail: "The service is temporarily unavailable. Try again later.", code: "SERVICE_UNAVAILABLE" }]);
    }
    if (pathname !== RECORD_PATH && !pathname.startsWith(`${RECORD_PATH}/`)) {
      return errorReply(404, [{ detail: `Invalid request URL ${pathname}.`, code: "INVALID_URL" }]);
    }
    const auth = authenticate(req);
    if (!("account" in auth)) return errorReply(401, [INVALID_LOGIN], { "X-Fake-NetSuite-Reason": auth.reason });
    if (pathname === RECORD_PATH && req.method === "POST") return createInvoice(req, auth.account, body);
    const reference = pathname.slice(RECORD_PATH.length + 1);
    if (req.method === "GET" && reference !== "" && !reference.includes("/")) return getInvoice(auth.account, reference);
    return errorReply(405, [{ detail: `The ${req.method} method is not supported for this resource.`, code: "METHOD_NOT_ALLOWED" }]);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const pathname = decodePath((req.url ?? "/").split("?")[0]!);
    if (req.method === "GET" && pathname === "/invoices") {
      send(res, jsonReply(200, invoices, { "Content-Type": "application/json" }));
      return;
    }
    requests++;
    const body = await readBody(req);
    const reply = respond(req, pathname, body);
    // A slow NetSuite: the work is done, the answer is late. A client that gives up meanwhile
    // has created the invoice without learning its id, which is what the external ID is for.
    if (delayMs > 0) await sleep(delayMs);
    send(res, reply);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, errorReply(500, [{ detail: "An unexpected error occurred.", code: "UNEXPECTED_ERROR" }]));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host}:${port}`;

  return {
    url,
    invoices,
    get requests() {
      return requests;
    },
    setDelay(ms: number) {
      delayMs = ms;
    },
    failNext(count: number) {
      failures = count;
    },
    async reset() {
      invoices.length = 0;
      requests = 0;
      delayMs = 0;
      failures = 0;
      seenNonces.clear();
      saver?.save(invoices);
      await saver?.flush();
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await saver?.flush();
    },
  };
}

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

function loadInvoices(file: string): TStoredInvoice[] {
  if (!existsSync(file)) return [];
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as unknown;
    return Array.isArray(parsed) ? (parsed as TStoredInvoice[]).filter((i) => i && typeof i.id === "string") : [];
  } catch {
    return [];
  }
}

/** Writes the whole list (small: a demo's invoices) to a temp file and renames it; one write at a time, the latest state wins. */
function createSaver(file: string) {
  let pending: string | undefined;
  let running: Promise<void> | undefined;
  const run = async () => {
    await mkdir(path.dirname(file), { recursive: true });
    while (pending !== undefined) {
      const text = pending;
      pending = undefined;
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, text);
      await rename(temp, file);
    }
  };
  const kick = () => {
    if (running || pending === undefined) return;
    running = run()
      .catch(() => undefined)
      .finally(() => {
        running = undefined;
        kick();
      });
  };
  return {
    save(invoices: TStoredInvoice[]) {
      pending = `${JSON.stringify(invoices, null, 2)}\n`;
      kick();
    },
    async flush() {
      while (running) await running;
    },
  };
}
