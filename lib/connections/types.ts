import type { TConnectableConnector } from "@/lib/connections/connection-fields";

/** A connection as the admin app shows it: settings, and only whether each secret is set. */
export type TConnectionSummary = {
  id: string;
  connector: TConnectableConnector;
  connectorName: string;
  name: string;
  /** Non-secret settings (account id, consumer key, base URL). */
  config: Record<string, string>;
  /** For each secret field of the connector: is a value stored. Never the value. */
  secretsSet: Record<string, boolean>;
  /** False when the stored secrets cannot be decrypted with the current ENCRYPTION_KEY. */
  secretsReadable: boolean;
  updatedAt: string;
};
