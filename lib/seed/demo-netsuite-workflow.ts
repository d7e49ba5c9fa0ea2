import { DEFAULT_RETRY } from "@/lib/connectors/retry";
import type { TWorkflowStep } from "@/lib/mapping/types";

export const DEMO_WORKFLOW_NAME = "Create NetSuite invoice";

/** id → externalId (so a repeated run cannot create a second invoice), invoiceNumber → tranId, invoiceAmount → the line amount. */
export const DEMO_WORKFLOW_STEPS: TWorkflowStep[] = [
  {
    id: "create_invoice",
    name: "Create NetSuite invoice",
    action: "netsuite.createInvoice",
    mapping: {
      "/entity/id": { source: "constant", value: "1" },
      "/externalId": { source: "event", path: "/id" },
      "/tranId": { source: "event", path: "/invoiceNumber" },
      "/memo": { source: "expression", expression: "'Created by Custom Events for ' & endUser.userId" },
      "/item/items/0/item/id": { source: "constant", value: "1" },
      "/item/items/0/description": { source: "expression", expression: "'Invoice ' & data.invoiceNumber" },
      "/item/items/0/amount": { source: "event", path: "/invoiceAmount" },
    },
    retry: { ...DEFAULT_RETRY },
  },
];
