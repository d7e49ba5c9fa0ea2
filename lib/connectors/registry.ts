import "server-only";
import { CONNECTORS, listActions } from "./catalog";
import { httpRequest } from "./http-request";
import { netsuiteCreateInvoice } from "./netsuite";
import type { TConnector, TConnectorAction } from "./types";
import { webhookSend } from "./webhook";

// The executable actions. Client components list actions through catalog.ts instead; this file
// pulls in node:crypto.

export const connectors: TConnector[] = CONNECTORS;

export const actions: TConnectorAction[] = [netsuiteCreateInvoice, httpRequest, webhookSend];

export function getAction(key: string): TConnectorAction | undefined {
  return actions.find((action) => action.key === key);
}

export function getActionOrThrow(key: string): TConnectorAction {
  const action = getAction(key);
  if (!action) throw new Error(`Unknown connector action "${key}"; known actions: ${actions.map((a) => a.key).join(", ")}.`);
  return action;
}

export { listActions };
