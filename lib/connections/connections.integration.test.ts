import { describe, expect, it } from "vitest";
import { db, sql } from "@/lib/db";
import { env, setDerivedEnv } from "@/lib/env";
import { makeEndUser, testActor } from "@/lib/testing/factories";
import { deleteConnection } from "./delete-connection";
import { listConnections } from "./list-connections";
import { loadConnectionForRun } from "./load-connection-secrets";
import { saveConnection } from "./save-connection";

const NETSUITE = {
  accountId: "1234567_SB1",
  consumerKey: "ck-0123456789abcdef",
  consumerSecret: "cs-plaintext-consumer-secret",
  tokenId: "tid-0123456789abcdef",
  tokenSecret: "ts-plaintext-token-secret",
};

async function netsuiteConnection(values: Record<string, string> = NETSUITE) {
  const user = await makeEndUser();
  const saved = await saveConnection({ actor: testActor, endUserId: user.id, connector: "netsuite", name: "Acme NetSuite", values });
  return { user, saved };
}

describe("connections", () => {
  it("stores secrets encrypted and settings in the clear", async () => {
    const { user } = await netsuiteConnection();
    const [row] = await sql<{ config: Record<string, string>; secrets: string }>(
      `SELECT config, secrets FROM connections WHERE "endUserId" = $1`,
      [user.id],
    );
    const raw = JSON.stringify(row);
    expect(raw).not.toContain(NETSUITE.consumerSecret);
    expect(raw).not.toContain(NETSUITE.tokenSecret);
    expect(row!.secrets).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(row!.config).toEqual({ accountId: "1234567_SB1", consumerKey: NETSUITE.consumerKey, tokenId: NETSUITE.tokenId });
  });

  it("lists settings and which secrets are set, never the secrets", async () => {
    const { user } = await netsuiteConnection({ ...NETSUITE, baseUrl: "https://1234567-sb1.suitetalk.api.netsuite.com/" });
    const list = await listConnections({ endUserId: user.id });
    expect(list).toEqual([
      {
        id: expect.any(String),
        connector: "netsuite",
        connectorName: "NetSuite",
        name: "Acme NetSuite",
        config: {
          accountId: "1234567_SB1",
          consumerKey: NETSUITE.consumerKey,
          tokenId: NETSUITE.tokenId,
          baseUrl: "https://1234567-sb1.suitetalk.api.netsuite.com",
        },
        secretsSet: { consumerSecret: true, tokenSecret: true },
        secretsReadable: true,
        updatedAt: expect.any(String),
      },
    ]);
    const shown = JSON.stringify(list);
    expect(shown).not.toContain(NETSUITE.consumerSecret);
    expect(shown).not.toContain(NETSUITE.tokenSecret);
  });

  it("keeps a stored secret when an update leaves it blank, and replaces one that is entered", async () => {
    const { user } = await netsuiteConnection();
    await saveConnection({
      actor: testActor,
      endUserId: user.id,
      connector: "netsuite",
      name: "Renamed",
      values: { ...NETSUITE, accountId: "7654321", consumerSecret: "", tokenSecret: "ts-new-token-secret" },
    });
    expect(await db().connection.count({ where: { endUserId: user.id } })).toBe(1);
    expect(await loadConnectionForRun({ endUserId: user.id, connector: "netsuite" })).toEqual({
      ...NETSUITE,
      accountId: "7654321",
      tokenSecret: "ts-new-token-secret",
    });
    expect((await listConnections({ endUserId: user.id }))[0]).toMatchObject({ name: "Renamed", secretsSet: { consumerSecret: true, tokenSecret: true } });
  });

  it("loads a connection for a run with settings and decrypted secrets merged, or null without one", async () => {
    const { user } = await netsuiteConnection();
    expect(await loadConnectionForRun({ endUserId: user.id, connector: "netsuite" })).toEqual(NETSUITE);
    expect(await loadConnectionForRun({ endUserId: user.id, connector: "webhook" })).toBeNull();

    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    await saveConnection({ actor: testActor, endUserId: user.id, connector: "webhook", name: "Hooks", values: { signingSecret: secret } });
    expect(await loadConnectionForRun({ endUserId: user.id, connector: "webhook" })).toEqual({ signingSecret: secret });
    expect((await listConnections({ endUserId: user.id })).map((c) => c.connector)).toEqual(["netsuite", "webhook"]);
  });

  it("deletes a connection", async () => {
    const { user, saved } = await netsuiteConnection();
    await deleteConnection({ actor: testActor, id: saved.id });
    expect(await listConnections({ endUserId: user.id })).toEqual([]);
    expect(await loadConnectionForRun({ endUserId: user.id, connector: "netsuite" })).toBeNull();
    await expect(deleteConnection({ actor: testActor, id: saved.id })).rejects.toMatchObject({
      code: "not_found",
      message: "That connection was not found.",
    });
  });

  it.each([
    {
      title: "a missing required setting",
      values: { ...NETSUITE, accountId: "" },
      details: [{ path: "/accountId", message: "Enter the account ID." }],
    },
    {
      title: "a malformed account id",
      values: { ...NETSUITE, accountId: "acme-prod" },
      details: [{ path: "/accountId", message: "Account ID looks like 1234567, TSTDRV1234567, or 1234567_SB1 for a sandbox account." }],
    },
    {
      title: "a base URL that is not http(s)",
      values: { ...NETSUITE, baseUrl: "ftp://example.com" },
      details: [{ path: "/baseUrl", message: "REST base URL must be an http(s) URL, like https://1234567.suitetalk.api.netsuite.com." }],
    },
    {
      title: "missing secrets on create",
      values: { ...NETSUITE, consumerSecret: "", tokenSecret: "  " },
      details: [
        { path: "/consumerSecret", message: "Enter the consumer secret." },
        { path: "/tokenSecret", message: "Enter the token secret." },
      ],
    },
  ])("refuses $title with a message per field", async ({ values, details }) => {
    const user = await makeEndUser();
    const attempt = saveConnection({ actor: testActor, endUserId: user.id, connector: "netsuite", name: "NS", values });
    await expect(attempt).rejects.toMatchObject({
      code: "validation_failed",
      message: details.map((d) => d.message).join(" "),
      details: details.map((d) => expect.objectContaining(d)),
    });
    expect(await db().connection.count({ where: { endUserId: user.id } })).toBe(0);
  });

  it("refuses a blank name, a webhook secret that is not whsec_ base64, a connector without connections and an unknown end user", async () => {
    const user = await makeEndUser();
    await expect(
      saveConnection({ actor: testActor, endUserId: user.id, connector: "netsuite", name: " ", values: NETSUITE }),
    ).rejects.toMatchObject({ details: [expect.objectContaining({ path: "/name", message: "Enter a name for this connection." })] });
    await expect(
      saveConnection({ actor: testActor, endUserId: user.id, connector: "webhook", name: "Hooks", values: { signingSecret: "hunter2" } }),
    ).rejects.toMatchObject({
      details: [
        expect.objectContaining({
          path: "/signingSecret",
          message: "Signing secret must be whsec_ followed by 24-64 base64-encoded bytes, like whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw.",
        }),
      ],
    });
    await expect(saveConnection({ actor: testActor, endUserId: user.id, connector: "http", name: "HTTP", values: {} })).rejects.toMatchObject({
      code: "validation_failed",
      message: 'Connector "http" takes no connection; pick one of netsuite, webhook.',
    });
    await expect(
      saveConnection({ actor: testActor, endUserId: "00000000-0000-4000-8000-000000000000", connector: "netsuite", name: "NS", values: NETSUITE }),
    ).rejects.toMatchObject({ code: "end_user_not_found", message: "That end user does not exist." });
  });

  it("says so when the stored secrets cannot be decrypted after ENCRYPTION_KEY changed", async () => {
    const { user } = await netsuiteConnection();
    const original = env().ENCRYPTION_KEY!;
    setDerivedEnv({ ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64") });
    try {
      expect((await listConnections({ endUserId: user.id }))[0]).toMatchObject({
        secretsSet: { consumerSecret: false, tokenSecret: false },
        secretsReadable: false,
      });
      await expect(loadConnectionForRun({ endUserId: user.id, connector: "netsuite" })).rejects.toThrow(
        "The stored netsuite connection secrets cannot be decrypted with the current ENCRYPTION_KEY; re-enter them on the end user's page.",
      );
      await expect(
        saveConnection({ actor: testActor, endUserId: user.id, connector: "netsuite", name: "NS", values: { ...NETSUITE, consumerSecret: "" } }),
      ).rejects.toMatchObject({ message: "The stored consumer secret can no longer be decrypted; enter it again." });
      await saveConnection({ actor: testActor, endUserId: user.id, connector: "netsuite", name: "NS", values: NETSUITE });
      expect(await loadConnectionForRun({ endUserId: user.id, connector: "netsuite" })).toEqual(NETSUITE);
    } finally {
      setDerivedEnv({ ENCRYPTION_KEY: original });
    }
  });
});
