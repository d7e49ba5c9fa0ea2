import type { TActionDescriptor, TActionListItem, TConnector } from "./types";

// What the connectors are and what their actions take, without the code that calls them: the
// mapping UI lists these input schemas as targets, the connection form renders these fields.
// Client-safe on purpose (no node:crypto); the executable actions in registry.ts spread these.

const DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

export const NETSUITE_CONNECTOR: TConnector = {
  key: "netsuite",
  name: "NetSuite",
  description: "Oracle NetSuite over SuiteTalk REST, signed with token-based authentication (OAuth 1.0a, HMAC-SHA256).",
  connectionFields: [
    {
      key: "accountId",
      label: "Account ID",
      secret: false,
      required: true,
      placeholder: "1234567 or 1234567_SB1",
      help: "Setup > Company > Company Information > Account ID. Sandboxes end in _SB1, _SB2...",
    },
    { key: "consumerKey", label: "Consumer key", secret: false, required: true, help: "From the integration record (Setup > Integration > Manage Integrations)." },
    { key: "consumerSecret", label: "Consumer secret", secret: true, required: true },
    { key: "tokenId", label: "Token ID", secret: false, required: true, help: "From the access token (Setup > Users/Roles > Access Tokens)." },
    { key: "tokenSecret", label: "Token secret", secret: true, required: true },
    {
      key: "baseUrl",
      label: "REST base URL",
      secret: false,
      required: false,
      placeholder: "https://1234567.suitetalk.api.netsuite.com",
      help: "Leave empty for the account's own SuiteTalk address; set it to reach a proxy or a test server.",
    },
  ],
};

export const HTTP_CONNECTOR: TConnector = {
  key: "http",
  name: "HTTP",
  description: "Any HTTP API: a request with the method, headers and JSON body you map.",
  connectionFields: [],
};

export const WEBHOOK_CONNECTOR: TConnector = {
  key: "webhook",
  name: "Webhook",
  description: "A signed webhook (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature headers).",
  connectionFields: [
    {
      key: "signingSecret",
      label: "Signing secret",
      secret: true,
      required: true,
      placeholder: "whsec_...",
      help: "whsec_ followed by base64. The receiver verifies each delivery's webhook-signature with it.",
    },
  ],
};

export const CONNECTORS: TConnector[] = [NETSUITE_CONNECTOR, HTTP_CONNECTOR, WEBHOOK_CONNECTOR];

const referenceSchema = (title: string, description: string) => ({
  type: "object",
  title,
  description,
  properties: { id: { type: "string", title: `${title} internal ID`, description: `NetSuite's internal ID of the ${title.toLowerCase()}.`, minLength: 1 } },
  required: ["id"],
});

export const NETSUITE_CREATE_INVOICE: TActionDescriptor = {
  key: "netsuite.createInvoice",
  connector: "netsuite",
  name: "Create invoice",
  description: "Creates an invoice in NetSuite. The external ID makes it safe to retry: a second attempt finds the invoice instead of creating another.",
  requiresConnection: true,
  inputSchema: {
    $schema: DRAFT_2020_12,
    type: "object",
    title: "Invoice",
    properties: {
      entity: referenceSchema("Customer", "The customer the invoice is for."),
      externalId: {
        type: "string",
        title: "External ID",
        description: "Your own unique ID for this invoice (e.g. your invoice id). NetSuite refuses a second invoice with the same one, so retries never create duplicates.",
        minLength: 1,
      },
      tranId: { type: "string", title: "Invoice number", description: "The number printed on the invoice (NetSuite's tranId). NetSuite assigns one when empty." },
      tranDate: { type: "string", format: "date", title: "Invoice date", description: "YYYY-MM-DD. Today when empty." },
      memo: { type: "string", title: "Memo", description: "A note shown on the invoice." },
      currency: referenceSchema("Currency", "The invoice's currency; the customer's currency when empty."),
      item: {
        type: "object",
        title: "Lines",
        description: "The invoice's item sublist.",
        properties: {
          items: {
            type: "array",
            title: "Invoice lines",
            description: "At least one line.",
            minItems: 1,
            items: {
              type: "object",
              title: "Line",
              properties: {
                item: referenceSchema("Item", "The item sold on this line."),
                description: { type: "string", title: "Description" },
                quantity: { type: "number", title: "Quantity" },
                rate: { type: "number", title: "Rate", description: "Price per unit." },
                amount: { type: "number", title: "Amount", description: "Line total, in the invoice's currency." },
              },
              required: ["item", "amount"],
            },
          },
        },
        required: ["items"],
      },
    },
    required: ["entity", "externalId", "item"],
  },
  outputSchema: {
    type: "object",
    properties: {
      id: { type: "string", title: "Invoice internal ID" },
      externalId: { type: "string", title: "External ID" },
      location: { type: "string", title: "Record URL" },
      deduplicated: { type: "boolean", title: "Found, not created", description: "True when an earlier attempt had already created the invoice." },
    },
    required: ["id", "externalId", "location"],
  },
};

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export const HTTP_REQUEST: TActionDescriptor = {
  key: "http.request",
  connector: "http",
  name: "HTTP request",
  description: "Sends an HTTP request. 2xx answers succeed; 408, 429 and 5xx are retried; other answers fail the step.",
  requiresConnection: false,
  inputSchema: {
    $schema: DRAFT_2020_12,
    type: "object",
    title: "HTTP request",
    properties: {
      method: { type: "string", title: "Method", enum: [...HTTP_METHODS], default: "POST", description: "POST when empty." },
      url: { type: "string", format: "uri", pattern: "^[Hh][Tt][Tt][Pp][Ss]?://", title: "URL", description: "An http:// or https:// address." },
      headers: { type: "object", title: "Headers", additionalProperties: { type: "string" }, description: "Header name to value." },
      query: { type: "object", title: "Query parameters", additionalProperties: { type: "string" }, description: "Added to the URL's query string." },
      body: { title: "Body", description: "Any JSON value, sent as JSON (a string is sent as is when you set a non-JSON Content-Type)." },
    },
    required: ["url"],
  },
  outputSchema: {
    type: "object",
    properties: {
      status: { type: "integer", title: "Status" },
      headers: { type: "object", title: "Headers", properties: { "content-type": { type: "string" }, location: { type: "string" } } },
      body: { title: "Body", description: "Parsed JSON when the answer is JSON, else its text (at most 64 KiB)." },
    },
    required: ["status", "headers", "body"],
  },
};

export const WEBHOOK_SEND: TActionDescriptor = {
  key: "webhook.send",
  connector: "webhook",
  name: "Send webhook",
  description: "POSTs a signed Standard Webhooks message ({ type, timestamp, data }). Retries keep the same webhook-id, so receivers can drop duplicates.",
  requiresConnection: true,
  inputSchema: {
    $schema: DRAFT_2020_12,
    type: "object",
    title: "Webhook",
    properties: {
      url: { type: "string", format: "uri", pattern: "^[Hh][Tt][Tt][Pp][Ss]?://", title: "URL", description: "The receiver's http:// or https:// address." },
      eventType: { type: "string", title: "Event type", description: 'The message\'s "type", e.g. invoice.created.', minLength: 1 },
      payload: { title: "Payload", description: 'Any JSON value, sent as the message\'s "data".' },
    },
    required: ["url", "eventType", "payload"],
  },
  outputSchema: {
    type: "object",
    properties: {
      status: { type: "integer", title: "Status" },
      messageId: { type: "string", title: "Message ID", description: "The webhook-id header sent." },
    },
    required: ["status", "messageId"],
  },
};

export const ACTION_DESCRIPTORS: TActionDescriptor[] = [NETSUITE_CREATE_INVOICE, HTTP_REQUEST, WEBHOOK_SEND];

export function getConnector(key: string): TConnector | undefined {
  return CONNECTORS.find((connector) => connector.key === key);
}

export function getActionDescriptor(key: string): TActionDescriptor | undefined {
  return ACTION_DESCRIPTORS.find((action) => action.key === key);
}

/** The actions a workflow step can use, for the action picker and the mapping UI. */
export function listActions(): TActionListItem[] {
  return ACTION_DESCRIPTORS.map((action) => {
    const connector = getConnector(action.connector);
    return { ...action, connectorName: connector?.name ?? action.connector, connectionFields: connector?.connectionFields ?? [] };
  });
}
