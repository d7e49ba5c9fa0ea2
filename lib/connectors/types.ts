// What a connector action is, for the mapping UI (its input schema), the engine (how to call it)
// and the "Preview" (the exact request it would send).

export type TJsonSchema = Record<string, unknown>;

/** An HTTP request as a connector builds it. `body` is the exact text sent. */
export type TOutgoingRequest = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
};

export type TIncomingResponse = {
  status: number;
  headers: Record<string, string>;
  /** Raw body text (at most 1 MiB is read). */
  body: string;
  /** True when the body was longer than what was read. */
  truncated?: boolean;
};

export type TStepError = {
  /** A sentence for the run page ("NetSuite refused the invoice: Invalid value for field entity."). */
  message: string;
  /** stable snake_case: http_error, network_error, timeout, validation_failed, connection_missing, ... */
  code: string;
  retryable: boolean;
  /** From Retry-After (seconds or HTTP date), when the response had one. */
  retryAfterMs?: number;
  httpStatus?: number;
  details?: unknown;
};

export type TActionResult =
  | { ok: true; output: unknown; httpStatus?: number }
  | { ok: false; error: TStepError };

export type TConnectionConfig = Record<string, string>;

export type TCallContext = {
  runId: string;
  stepId: string;
  attempt: number;
  /** The end user's decrypted connection for this connector (settings + secrets merged), when it has one. */
  connection?: TConnectionConfig;
  /** Fixed clock/nonce for deterministic tests and previews. */
  now?: () => Date;
  nonce?: () => string;
};

export type TConnectorField = {
  key: string;
  label: string;
  secret: boolean;
  required: boolean;
  placeholder?: string;
  help?: string;
};

export type TConnector = {
  key: "netsuite" | "http" | "webhook";
  name: string;
  description: string;
  /** What a Connection of this connector holds; empty when it needs none. */
  connectionFields: TConnectorField[];
};

export type TConnectorAction = {
  /** "netsuite.createInvoice" | "http.request" | "webhook.send" */
  key: string;
  connector: TConnector["key"];
  name: string;
  description: string;
  /** JSON Schema of the action's input; the mapping UI lists its fields as targets. */
  inputSchema: TJsonSchema;
  /** True when the action cannot run without the end user's connection. */
  requiresConnection: boolean;
  /** Builds the request. Throws a TStepError-like StepError (non-retryable) for unusable input. */
  buildRequest(input: unknown, context: TCallContext): TOutgoingRequest;
  /** Reads the response into an output or a classified error. */
  parseResponse(response: TIncomingResponse, request: TOutgoingRequest, context: TCallContext): TActionResult;
  /** JSON Schema of the output on success, for later steps' expressions. */
  outputSchema?: TJsonSchema;
  /**
   * A second request to send instead of reading the first response, e.g. NetSuite's lookup by
   * external ID when a retried create finds the invoice already made. Undefined: no follow-up.
   */
  followUp?(response: TIncomingResponse, request: TOutgoingRequest, context: TCallContext): TOutgoingRequest | undefined;
  /** Reads the follow-up's response; `original` is the first exchange. Required with followUp. */
  parseFollowUp?(
    response: TIncomingResponse,
    request: TOutgoingRequest,
    context: TCallContext,
    original: { response: TIncomingResponse; request: TOutgoingRequest },
  ): TActionResult;
  /** Stand-in connection values so that "Preview" can show a request before a connection exists. */
  previewConnection?: TConnectionConfig;
};

/** What the UI needs to know of an action: client-safe, no executable parts. */
export type TActionDescriptor = Pick<
  TConnectorAction,
  "key" | "connector" | "name" | "description" | "inputSchema" | "requiresConnection" | "outputSchema"
>;

/** One row of the action picker. */
export type TActionListItem = TActionDescriptor & {
  connectorName: string;
  connectionFields: TConnectorField[];
};

/** What executeAction reports for one attempt. */
export type TExecutedAction = TActionResult & {
  /** The request as sent, secrets redacted; null when the step failed before one could be built. */
  request: TOutgoingRequest | null;
  /** The follow-up request (NetSuite lookup by external ID), redacted, when one was sent. */
  followUpRequest?: TOutgoingRequest;
  /** Wall time of the attempt, follow-up included. */
  durationMs: number;
  /** Status of the last response received. */
  httpStatus?: number;
};

