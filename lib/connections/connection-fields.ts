import { NETSUITE_CONNECTOR, WEBHOOK_CONNECTOR } from "@/lib/connectors/catalog";
import type { TConnectorField } from "@/lib/connectors/types";

// The connectors an end user can hold a Connection for, with the fields the connection form
// renders: the connectors' own connection fields from the (client-safe) catalog, so the keys are
// the ones the connector actions read from TCallContext.connection.

export const CONNECTABLE_CONNECTORS = ["netsuite", "webhook"] as const;
export type TConnectableConnector = (typeof CONNECTABLE_CONNECTORS)[number];

export type TConnectionKind = {
  key: TConnectableConnector;
  name: string;
  /** One sentence for the "Add connection" picker. */
  description: string;
  fields: TConnectorField[];
};

export const CONNECTION_KINDS: Record<TConnectableConnector, TConnectionKind> = {
  netsuite: {
    key: "netsuite",
    name: NETSUITE_CONNECTOR.name,
    description: "Token-based authentication (TBA) credentials of the end user's NetSuite account.",
    fields: NETSUITE_CONNECTOR.connectionFields,
  },
  webhook: {
    key: "webhook",
    name: "Outbound webhook",
    description: "The secret that signs webhooks sent to the end user's endpoint (Standard Webhooks).",
    fields: WEBHOOK_CONNECTOR.connectionFields,
  },
};

export function isConnectableConnector(value: string): value is TConnectableConnector {
  return (CONNECTABLE_CONNECTORS as readonly string[]).includes(value);
}

export function connectionFields(connector: TConnectableConnector): TConnectorField[] {
  return CONNECTION_KINDS[connector].fields;
}

export function secretFieldKeys(connector: TConnectableConnector): string[] {
  return connectionFields(connector)
    .filter((f) => f.secret)
    .map((f) => f.key);
}
