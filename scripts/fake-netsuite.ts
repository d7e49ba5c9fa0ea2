// npx tsx scripts/fake-netsuite.ts - a local stand-in for NetSuite's REST record API (invoices
// only), for the demo and for trying workflows without a NetSuite account. It keeps invoices in
// a JSON file so they survive a restart, and prints one line per invoice created.
//
// Settings (a developer tool outside the app, so it reads its own variables rather than lib/env):
//   FAKE_NETSUITE_PORT (4010), FAKE_NETSUITE_HOST (127.0.0.1), FAKE_NETSUITE_FILE
//   (.data/fake-netsuite-invoices.json; "none" keeps invoices in memory only),
//   FAKE_NETSUITE_ACCOUNT_ID, _CONSUMER_KEY, _CONSUMER_SECRET, _TOKEN_ID, _TOKEN_SECRET
//   (default to the demo's credentials, which the seed puts in the demo end user's connection).
import path from "node:path";
import { DEMO_NETSUITE_ACCOUNT, startFakeNetSuite } from "../lib/demo/fake-netsuite";

function setting(name: string, fallback: string): string {
  const value = process.env[name]?.trim();
  return value ? value : fallback;
}

async function main() {
  const port = Number(setting("FAKE_NETSUITE_PORT", "4010"));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error("FAKE_NETSUITE_PORT must be a whole number between 0 and 65535.");
  const fileSetting = setting("FAKE_NETSUITE_FILE", path.join(setting("DATA_DIR", ".data"), "fake-netsuite-invoices.json"));
  const file = fileSetting === "none" ? undefined : path.resolve(fileSetting);
  const account = {
    accountId: setting("FAKE_NETSUITE_ACCOUNT_ID", DEMO_NETSUITE_ACCOUNT.accountId),
    consumerKey: setting("FAKE_NETSUITE_CONSUMER_KEY", DEMO_NETSUITE_ACCOUNT.consumerKey),
    consumerSecret: setting("FAKE_NETSUITE_CONSUMER_SECRET", DEMO_NETSUITE_ACCOUNT.consumerSecret),
    tokenId: setting("FAKE_NETSUITE_TOKEN_ID", DEMO_NETSUITE_ACCOUNT.tokenId),
    tokenSecret: setting("FAKE_NETSUITE_TOKEN_SECRET", DEMO_NETSUITE_ACCOUNT.tokenSecret),
  };

  const fake = await startFakeNetSuite({
    port,
    host: setting("FAKE_NETSUITE_HOST", "127.0.0.1"),
    accounts: [account],
    file,
    onInvoice: (invoice) => {
      const tranId = invoice.tranId ? ` ${invoice.tranId}` : "";
      console.log(
        `${invoice.createdAt} invoice ${invoice.id}${tranId} for customer ${invoice.entity.id}: ${invoice.total} (externalId ${invoice.externalId ?? "-"})`,
      );
    },
  });
  console.log(`fake NetSuite for account ${account.accountId} on ${fake.url} (${fake.invoices.length} invoices${file ? ` in ${file}` : ""})`);
  console.log(`  POST ${fake.url}/services/rest/record/v1/invoice (OAuth 1.0a, HMAC-SHA256) · GET ${fake.url}/invoices lists them`);

  const stop = () => {
    void fake.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
