import type { TSchemaField } from "./types";

// Whether an event field's value can go into a target field. The engine converts numbers and
// yes/no values to text and numeric text to numbers (see coerceToFieldType), so those mappings
// are warnings; object/list/scalar crossings never convert and are errors.

export type TFieldTypeInfo = Pick<TSchemaField, "type" | "format" | "label"> & { pattern?: string };
export type TTypeCompatibility = { level: "ok" } | { level: "warning" | "error"; message: string };

const NUMERIC_FORMATS = new Set(["number", "decimal", "integer", "int32", "int64", "float", "double"]);

/**
 * A string field that can only hold a number: a numeric format, or a pattern built from digits and
 * regex punctuation alone (`^\d+(\.\d{1,2})?$`). A heuristic, kept simple on purpose.
 */
export function isNumericText(field: TFieldTypeInfo): boolean {
  if (field.format && NUMERIC_FORMATS.has(field.format)) return true;
  if (!field.pattern) return false;
  const rest = field.pattern.replace(/\\d/g, "").replace(/0-9/g, "").replace(/[\\^$[\](){}?*+.|,\-\d]/g, "");
  return rest === "" && /\\d|0-9|\d/.test(field.pattern);
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  integer: "a whole number",
  boolean: "a yes/no value",
  object: "an object",
  array: "a list",
  any: "any value",
};
export const describeType = (type: string) => TYPE_WORDS[type] ?? type;

const SCALARS = new Set(["string", "number", "integer", "boolean"]);

export function compareFieldTypes(source: TFieldTypeInfo, target: TFieldTypeInfo): TTypeCompatibility {
  const from = source.type;
  const to = target.type;
  if (from === "any" || to === "any" || from === to) return { level: "ok" };
  if (from === "integer" && to === "number") return { level: "ok" };
  const names = `"${source.label}" is ${describeType(from)} but "${target.label}" expects ${describeType(to)}`;

  if (!SCALARS.has(from) || !SCALARS.has(to)) {
    return { level: "error", message: `${names}; these never convert. Pick a field of the same kind or use an expression.` };
  }
  if (from === "number" && to === "integer") {
    return { level: "warning", message: `${names}; a value with decimals will be rejected.` };
  }
  if (to === "string") {
    return { level: "warning", message: `${names}; the value will be sent as text.` };
  }
  if (from === "string" && (to === "number" || to === "integer")) {
    if (isNumericText(source)) return { level: "ok" };
    return { level: "warning", message: `${names}; text holding a number (like "12.50") is converted, any other text fails the step.` };
  }
  if (from === "string" && to === "boolean") {
    return { level: "warning", message: `${names}; only the text "true" or "false" is converted, any other text fails the step.` };
  }
  // boolean ↔ number: no sensible conversion.
  return { level: "error", message: `${names}; these never convert. Pick a field of the same kind or use an expression.` };
}

/**
 * The conversion the warnings promise: numbers and yes/no values to text for text fields, numeric
 * text to numbers and "true"/"false" to yes/no. Anything else is returned unchanged (the action's
 * input validation reports it).
 */
export function coerceToFieldType(value: unknown, type: string): unknown {
  switch (type) {
    case "string":
      return typeof value === "number" || typeof value === "boolean" ? String(value) : value;
    case "number":
    case "integer": {
      if (typeof value !== "string" || value.trim() === "") return value;
      const n = Number(value.trim());
      return Number.isFinite(n) && (type === "number" || Number.isInteger(n)) ? n : value;
    }
    case "boolean":
      return value === "true" ? true : value === "false" ? false : value;
    default:
      return value;
  }
}
