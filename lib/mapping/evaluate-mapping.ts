import jsonata from "jsonata";
import { comparePointers, getPointer, parsePointer, setPointer } from "./pointer";
import { findSchemaField, listSchemaFields } from "./schema-fields";
import { coerceToFieldType } from "./type-compatibility";
import type { TMapping, TMappingContext, TMappingError, TMappingSource, TSchemaField } from "./types";

// Builds a step's input from its mapping. Runs in the worker and in the browser (test runs), so
// it only uses jsonata and plain JS. Expressions are user code: they run with jsonata's own
// guardrails (time, recursion depth, sequence length) and every failure is reported per target
// instead of failing the whole mapping.

export const EXPRESSION_TIMEOUT_MS = 1_000;
const EXPRESSION_MAX_DEPTH = 500;
const EXPRESSION_MAX_SEQUENCE = 100_000;

export type TEvaluateMappingResult = { input: Record<string, unknown>; errors: TMappingError[] };

type TJsonataError = { message?: string; position?: number; code?: string };

class ExpressionResultError extends Error {}

/** Turns a JSONata result into plain JSON: sequences into arrays, functions refused, no aliasing of the context. */
function toJson(value: unknown, depth = 0): unknown {
  if (depth > 100) throw new ExpressionResultError("The expression's result is nested too deeply.");
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new ExpressionResultError("The expression's result is not a finite number.");
    return value;
  }
  if (typeof value === "function" || (typeof value === "object" && ("_jsonata_lambda" in value || "_jsonata_function" in value))) {
    throw new ExpressionResultError("The expression returns a function, not a value. Call the function or return a value.");
  }
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map((v) => toJson(v, depth + 1));
  if (typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (v === undefined) continue;
      Object.defineProperty(out, key, { value: toJson(v, depth + 1), writable: true, enumerable: true, configurable: true });
    }
    return out;
  }
  return undefined; // undefined, bigint, symbol: nothing JSON can hold.
}

async function evaluateExpression(expression: string, context: TMappingContext): Promise<unknown> {
  const compiled = jsonata(expression, { timeout: EXPRESSION_TIMEOUT_MS, stack: EXPRESSION_MAX_DEPTH, sequence: EXPRESSION_MAX_SEQUENCE });
  return compiled.evaluate(context);
}

function expressionErrorMessage(error: unknown): Omit<TMappingError, "target"> {
  const e = error as TJsonataError;
  const message = typeof e?.message === "string" && e.message ? e.message : "The expression failed.";
  if (typeof e?.position === "number" && e.position > 0) {
    return { message: `Expression error at position ${e.position}: ${message}`, position: e.position };
  }
  return { message: `Expression error: ${message}` };
}

async function readSource(source: TMappingSource, context: TMappingContext): Promise<unknown> {
  switch (source.source) {
    case "event":
      return toJson(getPointer(context.data, source.path));
    case "constant":
      return toJson(source.value);
    case "expression":
      return toJson(await evaluateExpression(source.expression, context));
    default: {
      const unknown: never = source;
      throw new Error(`Unknown mapping source ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * The step input built from `mapping` over `context`. Targets apply shorter pointers first, so a
 * constant for "/item" and a mapping for "/item/items/0/amount" combine. A missing event field or
 * an expression without a result leaves its target out. With `targetSchema`, numbers and yes/no
 * values going into text fields become text and numeric text going into number fields becomes a
 * number (the conversions checkMapping warns about). Never mutates `context` or `mapping`.
 */
export async function evaluateMapping({
  mapping,
  context,
  targetSchema,
}: {
  mapping: TMapping;
  context: TMappingContext;
  targetSchema?: unknown;
}): Promise<TEvaluateMappingResult> {
  const input: Record<string, unknown> = {};
  const errors: TMappingError[] = [];
  // Expressions see a copy: nothing they do can reach the caller's objects.
  const copy: TMappingContext = structuredClone({ data: context.data, event: context.event, endUser: context.endUser, steps: context.steps ?? {} });
  const targetFields: TSchemaField[] | undefined = targetSchema === undefined ? undefined : listSchemaFields(targetSchema);

  for (const target of Object.keys(mapping).sort(comparePointers)) {
    const source = mapping[target]!;
    try {
      parsePointer(target);
      if (target === "") throw new Error("The target must point at a field of the input, not the whole input.");
    } catch (error) {
      errors.push({ target, message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    let value: unknown;
    try {
      value = await readSource(source, copy);
    } catch (error) {
      if (source.source === "expression" && !(error instanceof ExpressionResultError)) errors.push({ target, ...expressionErrorMessage(error) });
      else errors.push({ target, message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    if (value === undefined) continue;
    if (targetFields) {
      const field = findSchemaField(targetFields, target);
      if (field) value = coerceToFieldType(value, field.type);
    }
    try {
      setPointer(input, target, value);
    } catch (error) {
      errors.push({ target, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { input, errors };
}
