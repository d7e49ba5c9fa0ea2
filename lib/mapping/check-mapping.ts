import jsonata from "jsonata";
import { comparePointers, escapePointerSegment, isArrayIndex, parsePointer } from "./pointer";
import { findSchemaField, listSchemaFieldDetails, type TSchemaFieldDetail } from "./schema-fields";
import { compareFieldTypes, describeType } from "./type-compatibility";
import type { TMapping, TMappingIssue, TMappingSource } from "./types";

// Checks a step's mapping against the action's input schema and the event's schema, for the
// editor (inline, as the user types) and before a workflow is activated. Messages are shown to
// the user as they are, so each one says what to do.

/** Array positions checked for required fields beyond those mapped (minItems above this is not expanded). */
const MAX_CHECKED_ITEMS = 20;

type TIssueInput = { mapping: TMapping; targetSchema: unknown; eventSchema: unknown; earlierStepIds?: readonly string[] };

export function hasBlockingIssues(issues: readonly TMappingIssue[]): boolean {
  return issues.some((issue) => issue.severity === "error");
}

function validPointer(pointer: string): boolean {
  try {
    parsePointer(pointer);
    return true;
  } catch {
    return false;
  }
}

/** The listed field a pointer lands on, or an "any" field when it lies inside an object that takes any key. */
function resolveField(fields: TSchemaFieldDetail[], pointer: string): TSchemaFieldDetail | undefined {
  const exact = findSchemaField(fields, pointer);
  if (exact) return exact;
  const segments = parsePointer(pointer);
  const anyField = (): TSchemaFieldDetail => ({
    pointer,
    label: segments.at(-1) ?? pointer,
    type: "any",
    required: false,
    depth: segments.length - 1,
    container: false,
    parent: "",
    open: true,
    nullable: true,
  });
  // A schema without any listed field (free-form object) takes any key.
  if (fields.length === 0) return anyField();
  for (let i = segments.length - 1; i > 0; i--) {
    const ancestor = findSchemaField(fields, segments.slice(0, i).map((s) => `/${escapePointerSegment(s)}`).join(""));
    if (!ancestor) continue;
    const hasChildren = fields.some((f) => f.parent === ancestor.pointer);
    if (ancestor.type === "any" || ancestor.open || (ancestor.type === "array" && !hasChildren)) return anyField();
    return undefined;
  }
  return undefined;
}

function describeValue(value: unknown): string {
  if (value === null) return "empty (null)";
  if (Array.isArray(value)) return "a list";
  switch (typeof value) {
    case "string":
      return `text (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
    case "number":
      return Number.isInteger(value) ? `a whole number (${value})` : `a number (${value})`;
    case "boolean":
      return `a yes/no value (${value})`;
    case "object":
      return "an object";
    default:
      return "not a JSON value";
  }
}

function fitsType(value: unknown, type: string): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "object":
      return typeof value === "object" && value !== null && !Array.isArray(value);
    case "array":
      return Array.isArray(value);
    default:
      return true;
  }
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Why a constant does not fit a field (descending into objects and lists), or undefined when it fits. */
function constantProblem(value: unknown, field: TSchemaFieldDetail, fields: TSchemaFieldDetail[], at: string): string | undefined {
  const where = at ? `"${at}"` : "it";
  if (value === null) {
    return field.nullable || field.type === "any" ? undefined : `${where} must not be empty (null); expected ${describeType(field.type)}`;
  }
  if (!fitsType(value, field.type)) return `${where} must be ${describeType(field.type)}, not ${describeValue(value)}`;
  if (field.enum && !field.enum.some((option) => sameJson(option, value))) {
    return `${where} must be one of ${field.enum.map((o) => JSON.stringify(o)).join(", ")}`;
  }
  const children = fields.filter((f) => f.parent === field.pointer);
  if (field.type === "object" && typeof value === "object") {
    for (const child of children) {
      const name = child.pointer.slice(field.pointer.length + 1).replace(/~1/g, "/").replace(/~0/g, "~");
      if (!Object.prototype.hasOwnProperty.call(value, name)) continue;
      const problem = constantProblem((value as Record<string, unknown>)[name], child, fields, at ? `${at}.${name}` : name);
      if (problem) return problem;
    }
  }
  if (field.type === "array" && Array.isArray(value) && children[0]) {
    for (let i = 0; i < value.length; i++) {
      const problem = constantProblem(value[i], children[0], fields, `${at || "item"}[${i}]`);
      if (problem) return problem;
    }
  }
  return undefined;
}

/** Step ids an expression reads as `steps.<id>` (or `$.steps.<id>`), with their positions. */
function stepReferences(ast: unknown): { id: string; position?: number }[] {
  const found: { id: string; position?: number }[] = [];
  const seen = new Set<object>();
  const visit = (node: unknown) => {
    if (typeof node !== "object" || node === null || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const n = node as { type?: unknown; steps?: unknown };
    if (n.type === "path" && Array.isArray(n.steps)) {
      const steps = n.steps as { type?: string; value?: unknown; position?: number }[];
      const start = steps[0]?.type === "variable" && (steps[0].value === "" || steps[0].value === "$") ? 1 : 0;
      const root = steps[start];
      const step = steps[start + 1];
      if (root?.type === "name" && root.value === "steps" && step?.type === "name" && typeof step.value === "string") {
        found.push({ id: step.value, position: step.position });
      }
    }
    Object.values(node).forEach(visit);
  };
  visit(ast);
  return found;
}

function checkSource(
  target: string,
  source: TMappingSource,
  field: TSchemaFieldDetail,
  context: { targetFields: TSchemaFieldDetail[]; eventFields: TSchemaFieldDetail[]; earlierStepIds: readonly string[] },
): TMappingIssue[] {
  const label = `"${field.label}"`;
  switch (source.source) {
    case "event": {
      if (typeof source.path !== "string" || !validPointer(source.path)) {
        return [{ target, severity: "error", code: "unknown_source_field", message: `The event field for ${label} is not a valid field path. Pick an event field again.` }];
      }
      const eventField: TSchemaFieldDetail | undefined =
        source.path === ""
          ? { pointer: "", label: "Event data", type: "object", required: true, depth: -1, container: true, parent: "", open: false, nullable: false }
          : resolveField(context.eventFields, source.path);
      if (!eventField) {
        return [
          {
            target,
            severity: "error",
            code: "unknown_source_field",
            message: `${label} is mapped to the event field "${source.path}", which the event does not have (it may have been renamed or removed). Pick another event field.`,
          },
        ];
      }
      const compatibility = compareFieldTypes(eventField, field);
      return compatibility.level === "ok" ? [] : [{ target, severity: compatibility.level, code: "type_mismatch", message: compatibility.message }];
    }
    case "constant": {
      if (source.value === undefined) {
        return [{ target, severity: "error", code: "invalid_constant", message: `Enter a constant value for ${label}, or choose "Not mapped".` }];
      }
      const problem = constantProblem(source.value, field, context.targetFields, "");
      return problem ? [{ target, severity: "error", code: "invalid_constant", message: `The constant for ${label} does not fit: ${problem}.` }] : [];
    }
    case "expression": {
      if (typeof source.expression !== "string" || source.expression.trim() === "") {
        return [{ target, severity: "error", code: "invalid_expression", message: `Enter an expression for ${label}, or choose "Not mapped".` }];
      }
      let ast: unknown;
      try {
        ast = jsonata(source.expression).ast();
      } catch (error) {
        const e = error as { message?: string; position?: number };
        const at = typeof e.position === "number" && e.position > 0 ? ` at position ${e.position}` : "";
        return [{ target, severity: "error", code: "invalid_expression", message: `The expression for ${label} has an error${at}: ${e.message ?? "it cannot be read"}.` }];
      }
      const earlier = new Set(context.earlierStepIds);
      const unknownSteps = [...new Set(stepReferences(ast).map((r) => r.id))].filter((id) => !earlier.has(id));
      return unknownSteps.map((id) => ({
        target,
        severity: "error" as const,
        code: "invalid_expression" as const,
        message: `The expression for ${label} reads steps.${id}, but "${id}" is not an earlier step of this workflow. Only the outputs of earlier steps can be used.`,
      }));
    }
    default: {
      const unknown: never = source;
      return [{ target, severity: "error", code: "invalid_expression", message: `The source of ${label} is not recognised (${JSON.stringify(unknown)}). Choose a source again.` }];
    }
  }
}

/**
 * Required targets with no value: top-level required fields, and required fields inside an
 * object or list that will exist (required itself, or something under it is mapped). A field
 * mapped from an event field or an expression covers everything inside it; a constant covers
 * what it contains. Only the innermost missing fields are reported, so each issue names a row to fill.
 */
function requiredIssues(mapping: TMapping, fields: TSchemaFieldDetail[]): TMappingIssue[] {
  const issues: TMappingIssue[] = [];
  const targets = Object.keys(mapping).filter(validPointer);
  const children = new Map<string, TSchemaFieldDetail[]>();
  for (const field of fields) children.set(field.parent, [...(children.get(field.parent) ?? []), field]);
  const touched = (pointer: string) => targets.some((t) => t.startsWith(`${pointer}/`));
  const hasRequiredChild = (field: TSchemaFieldDetail) =>
    field.type === "array" ? (field.minItems ?? 0) >= 1 && (children.get(field.pointer)?.length ?? 0) > 0 : (children.get(field.pointer) ?? []).some((c) => c.required);

  const visit = (field: TSchemaFieldDetail, pointer: string, required: boolean, inherited: unknown, owner: TSchemaFieldDetail | undefined, item?: number) => {
    const own = mapping[pointer];
    if (own && own.source !== "constant") return;
    const value = own ? own.value : inherited;
    const constantOwner = own ? field : owner;
    const present = value !== undefined || touched(pointer);
    if (!present) {
      if (!required) return;
      if (!hasRequiredChild(field)) {
        const label = `"${field.label}"${item !== undefined && item > 0 ? ` (item ${item + 1})` : ""}`;
        issues.push({
          target: pointer,
          severity: "error",
          code: "required_unmapped",
          message: constantOwner
            ? `${label} is required, but the constant for "${constantOwner.label}" does not include it. Add it to that constant or map it here.`
            : `${label} is required. Map it to an event field, a constant or an expression.`,
        });
        return;
      }
    }
    // A constant of the wrong kind is reported as invalid_constant; its insides are not checked.
    if (value !== undefined && (typeof value !== "object" || value === null)) return;
    if (field.type === "object") {
      for (const child of children.get(field.pointer) ?? []) {
        const name = child.pointer.slice(field.pointer.length + 1).replace(/~1/g, "/").replace(/~0/g, "~");
        const childValue = value && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, name) ? (value as Record<string, unknown>)[name] : undefined;
        visit(child, pointer + child.pointer.slice(field.pointer.length), child.required, childValue, constantOwner, item);
      }
    } else if (field.type === "array") {
      const itemField = children.get(field.pointer)?.[0];
      if (!itemField) return;
      const minItems = field.minItems ?? 0;
      const indices = new Set<number>();
      for (let i = 0; i < Math.min(minItems, MAX_CHECKED_ITEMS); i++) indices.add(i);
      if (Array.isArray(value)) for (let i = 0; i < Math.min(value.length, MAX_CHECKED_ITEMS); i++) indices.add(i);
      for (const t of targets) {
        if (!t.startsWith(`${pointer}/`)) continue;
        const segment = parsePointer(t.slice(pointer.length))[0]!;
        if (isArrayIndex(segment)) indices.add(Number(segment));
      }
      for (const i of [...indices].sort((a, b) => a - b)) {
        visit(itemField, `${pointer}/${i}`, i < minItems, Array.isArray(value) ? value[i] : undefined, constantOwner, i);
      }
    }
  };

  for (const field of children.get("") ?? []) visit(field, field.pointer, field.required, undefined, undefined);
  return issues;
}

/** Problems of a step's mapping, errors and warnings, in the order of the action's input fields. */
export function checkMapping({ mapping, targetSchema, eventSchema, earlierStepIds = [] }: TIssueInput): TMappingIssue[] {
  const targetFields = listSchemaFieldDetails(targetSchema);
  const eventFields = listSchemaFieldDetails(eventSchema);
  const issues: TMappingIssue[] = [];

  for (const [target, source] of Object.entries(mapping)) {
    if (target === "" || !validPointer(target)) {
      issues.push({ target, severity: "error", code: "unknown_target", message: `"${target}" is not a valid input field path. Remove this mapping.` });
      continue;
    }
    let field = resolveField(targetFields, target);
    if (!field) {
      issues.push({
        target,
        severity: "error",
        code: "unknown_target",
        message: `This action has no input field "${target}" (the action may have changed). Remove this mapping or map another field.`,
      });
      field = { pointer: target, label: target, type: "any", required: false, depth: 0, container: false, parent: "", open: true, nullable: true };
    }
    issues.push(...checkSource(target, source, field, { targetFields, eventFields, earlierStepIds }));
  }
  issues.push(...requiredIssues(mapping, targetFields));

  const order = new Map(targetFields.map((f, i) => [f.pointer, i]));
  const rank = (target: string) => {
    const templ = validPointer(target) ? findSchemaField(targetFields, target)?.pointer : undefined;
    return templ === undefined ? Number.MAX_SAFE_INTEGER : order.get(templ)!;
  };
  return issues.sort(
    (a, b) => rank(a.target) - rank(b.target) || comparePointers(a.target, b.target) || (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1),
  );
}
