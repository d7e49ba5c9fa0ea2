import { isJsonObject, type TJsonSchema } from "./types";

const INDENT = "  ";
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A TypeScript type for an event's data, for customers to paste into their code. */
export function schemaToTypeScript(schema: TJsonSchema, typeName: string): string {
  const doc = typeof schema.description === "string" ? jsDoc(schema.description, "") : "";
  return `${doc}export type ${typeName} = ${typeExpression(schema, "")};`;
}

/** create_invoice -> CreateInvoiceEvent, order.completed -> OrderCompletedEvent. */
export function typeNameForEvent(eventName: string): string {
  const words = eventName.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const pascal = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  // A type name cannot start with a digit.
  return `${/^[0-9]/.test(pascal) ? "_" : ""}${pascal}Event`;
}

function typeExpression(schema: unknown, indent: string): string {
  if (!isJsonObject(schema)) return schema === false ? "never" : "unknown";
  if (schema.const !== undefined) return literal(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum.map(literal).join(" | ");
  for (const keyword of ["anyOf", "oneOf"]) {
    const branches = schema[keyword];
    if (Array.isArray(branches) && branches.length > 0) {
      return unique(branches.map((b) => typeExpression(b, indent))).join(" | ");
    }
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    return schema.allOf.map((part) => wrapCompound(typeExpression(part, indent))).join(" & ");
  }
  if (Array.isArray(schema.type)) {
    return unique(schema.type.map((t) => typeExpression({ ...schema, type: t }, indent))).join(" | ");
  }
  const type = schema.type ?? (schema.properties ? "object" : schema.items || schema.prefixItems ? "array" : undefined);
  switch (type) {
    case "string":
      return "string";
    case "number":
    case "integer":
      return "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "array":
      return arrayType(schema, indent);
    case "object":
      return objectType(schema, indent);
    default:
      return "unknown";
  }
}

function arrayType(schema: TJsonSchema, indent: string): string {
  if (Array.isArray(schema.prefixItems)) return `[${schema.prefixItems.map((item) => typeExpression(item, indent)).join(", ")}]`;
  if (!isJsonObject(schema.items)) return "unknown[]";
  return `${wrapCompound(typeExpression(schema.items, indent))}[]`;
}

function objectType(schema: TJsonSchema, indent: string): string {
  const properties = isJsonObject(schema.properties) ? Object.entries(schema.properties) : [];
  if (properties.length === 0) {
    const values = isJsonObject(schema.additionalProperties) ? typeExpression(schema.additionalProperties, indent) : "unknown";
    return `Record<string, ${values}>`;
  }
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const inner = indent + INDENT;
  const lines = properties.map(([name, child]) => {
    const doc = isJsonObject(child) && typeof child.description === "string" ? jsDoc(child.description, inner) : "";
    const key = IDENTIFIER.test(name) ? name : JSON.stringify(name);
    return `${doc}${inner}${key}${required.has(name) ? "" : "?"}: ${typeExpression(child, inner)};\n`;
  });
  return `{\n${lines.join("")}${indent}}`;
}

function jsDoc(description: string, indent: string): string {
  // "*/" inside a description would end the comment early.
  const lines = description.replace(/\*\//g, "*\\/").split(/\r?\n/);
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((line) => `${indent} *${line ? ` ${line}` : ""}\n`).join("")}${indent} */\n`;
}

function literal(value: unknown): string {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value === null) {
    return JSON.stringify(value);
  }
  return "unknown";
}

function wrapCompound(expression: string) {
  // Only a top-level union or intersection needs parentheses; one nested in braces does not.
  let depth = 0;
  let inString = false;
  for (let i = 0; i < expression.length; i++) {
    const char = expression[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === "{" || char === "(" || char === "[" || char === "<") depth++;
    else if (char === "}" || char === ")" || char === "]" || char === ">") depth--;
    else if (depth === 0 && (char === "|" || char === "&")) return `(${expression})`;
  }
  return expression;
}

function unique(values: string[]) {
  return [...new Set(values)];
}
