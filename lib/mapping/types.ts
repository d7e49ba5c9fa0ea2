// The shape of a workflow step's field mapping, shared by the editor, the engine and the
// workflow versions stored in the database.

/** Where one target field of a step's input gets its value. */
export type TMappingSource =
  /** A field of the event's data, as a JSON pointer into it ("/invoiceAmount", "/lines/0/sku"). */
  | { source: "event"; path: string }
  /** A fixed JSON value. */
  | { source: "constant"; value: unknown }
  /**
   * A JSONata expression evaluated over
   * `{ data, event: { id, name }, endUser: { userId }, steps: { <stepId>: <output> } }`.
   */
  | { source: "expression"; expression: string };

/** Target JSON pointer into the action's input ("/item/items/0/amount") → its source. */
export type TMapping = Record<string, TMappingSource>;

export type TRetryPolicy = {
  /** Attempts in total, first one included (1 = no retry). */
  maxAttempts: number;
  /** Delay before the 2nd attempt; doubles for each later one (plus jitter), capped by maxDelaySeconds. */
  initialDelaySeconds: number;
  maxDelaySeconds: number;
};

export type TWorkflowStep = {
  /** Stable id, unique in the workflow ("step_1"); names steps' outputs in expressions. */
  id: string;
  name: string;
  /** A connector action key, e.g. "netsuite.createInvoice". */
  action: string;
  mapping: TMapping;
  retry?: TRetryPolicy;
  /** Per-attempt timeout of the connector call. */
  timeoutSeconds?: number;
};

/** A field of a schema flattened for the mapping UI: one per property, nested ones included. */
export type TSchemaField = {
  /** JSON pointer; array items use index 0 ("/item/items/0/amount"). */
  pointer: string;
  /** Human label: the schema's title, or the property name. */
  label: string;
  /** JSON Schema type ("string" | "number" | "integer" | "boolean" | "object" | "array"), "any" when absent. */
  type: string;
  /** Format when given ("date", "email", ...). */
  format?: string;
  description?: string;
  /** Required by its parent object. */
  required: boolean;
  /** Nesting depth (0 for top-level properties) for indentation in a tree. */
  depth: number;
  /** Objects and arrays: the fields inside are listed after it with depth + 1. */
  container: boolean;
  enum?: unknown[];
};

export type TMappingIssue = {
  /** The target pointer the issue is about. */
  target: string;
  severity: "error" | "warning";
  code: "required_unmapped" | "type_mismatch" | "unknown_source_field" | "invalid_expression" | "unknown_target" | "invalid_constant";
  message: string;
};

/** What a mapping reads: the event's data plus what JSONata expressions can see. */
export type TMappingContext = {
  data: unknown;
  event: { id: string; name: string };
  endUser: { userId: string };
  /** Outputs of the steps that ran before, by step id. */
  steps: Record<string, unknown>;
};

/** One target a mapping could not fill. */
export type TMappingError = {
  target: string;
  message: string;
  /** JSONata errors: the character position in the expression. */
  position?: number;
};
