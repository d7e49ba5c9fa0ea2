// JSON pointers (RFC 6901) over plain JSON values, shared by the mapping editor (browser) and
// the engine (worker). Mapping targets and event paths come from users, so segments that reach
// into JavaScript's object machinery are refused rather than followed.

const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);
const ARRAY_INDEX = /^(0|[1-9]\d*)$/;
/** Largest array index `setPointer` creates; beyond it a typo would allocate a huge array. */
export const MAX_POINTER_ARRAY_INDEX = 9_999;

export class PointerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PointerError";
  }
}

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapePointerSegment(segment: string): string {
  if (/~(?![01])/.test(segment)) throw new PointerError(`Invalid escape in JSON pointer segment "${segment}": "~" must be followed by 0 or 1.`);
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** The segments of a pointer ("" → [], "/a~1b/0" → ["a/b", "0"]); throws PointerError when malformed or forbidden. */
export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new PointerError(`Invalid JSON pointer "${pointer}": it must be empty or start with "/".`);
  const segments = pointer.slice(1).split("/").map(unescapePointerSegment);
  for (const segment of segments) {
    if (FORBIDDEN_SEGMENTS.has(segment)) throw new PointerError(`The JSON pointer "${pointer}" uses the reserved name "${segment}".`);
  }
  return segments;
}

export function formatPointer(segments: readonly string[]): string {
  return segments.map((s) => `/${escapePointerSegment(s)}`).join("");
}

export function isArrayIndex(segment: string): boolean {
  return ARRAY_INDEX.test(segment);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value at `pointer`, or undefined when any segment is missing. Only own properties are followed. */
export function getPointer(value: unknown, pointer: string): unknown {
  let current = value;
  for (const segment of parsePointer(pointer)) {
    if (Array.isArray(current)) {
      if (!isArrayIndex(segment)) return undefined;
      current = current[Number(segment)];
    } else if (isRecord(current)) {
      if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
      current = current[segment];
    } else {
      return undefined;
    }
  }
  return current;
}

function describeKind(value: unknown) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : `a ${typeof value === "string" ? "text" : typeof value} value`;
}

function assignSlot(container: Record<string, unknown> | unknown[], segment: string, value: unknown) {
  if (Array.isArray(container)) {
    const index = segment === "-" ? container.length : Number(segment);
    // Fill gaps with null: a sparse array would turn into nulls in JSON anyway, and an explicit
    // null makes the input's validation error point at the missing item.
    while (container.length < index) container.push(null);
    container[index] = value;
  } else {
    // defineProperty, not assignment: a key like "__proto__" from a parsed object must stay data.
    Object.defineProperty(container, segment, { value, writable: true, enumerable: true, configurable: true });
  }
}

/**
 * Sets `value` at `pointer` inside `target` (mutating it), creating missing objects on the way,
 * or arrays when the next segment is an array index (or "-", append). Throws PointerError when
 * the path runs through a value that is not an object or array.
 */
export function setPointer(target: Record<string, unknown> | unknown[], pointer: string, value: unknown): void {
  const segments = parsePointer(pointer);
  if (segments.length === 0) throw new PointerError("Cannot replace the whole value with the empty JSON pointer.");
  let current: Record<string, unknown> | unknown[] = target;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const at = formatPointer(segments.slice(0, i));
    if (Array.isArray(current)) {
      if (segment !== "-" && !isArrayIndex(segment)) {
        throw new PointerError(`Cannot set ${pointer}: ${at || "the value"} is a list, and "${segment}" is not a list position.`);
      }
      if (segment !== "-" && Number(segment) > MAX_POINTER_ARRAY_INDEX) {
        throw new PointerError(`Cannot set ${pointer}: list position ${segment} is larger than ${MAX_POINTER_ARRAY_INDEX}.`);
      }
    }
    if (i === segments.length - 1) {
      assignSlot(current, segment, value);
      return;
    }
    const existing: unknown = Array.isArray(current)
      ? segment === "-" ? undefined : current[Number(segment)]
      : Object.prototype.hasOwnProperty.call(current, segment) ? current[segment] : undefined;
    if (existing === undefined || existing === null) {
      const next = segments[i + 1]!;
      const created: Record<string, unknown> | unknown[] = isArrayIndex(next) || next === "-" ? [] : {};
      assignSlot(current, segment, created);
      current = created;
    } else if (typeof existing === "object") {
      current = existing as Record<string, unknown> | unknown[];
    } else {
      throw new PointerError(`Cannot set ${pointer}: ${formatPointer(segments.slice(0, i + 1))} is ${describeKind(existing)}, not an object or a list.`);
    }
  }
}

function segmentsForSort(pointer: string): string[] {
  try {
    return parsePointer(pointer);
  } catch {
    return pointer.split("/");
  }
}

/**
 * Orders pointers parents first: by number of segments, then segment by segment (list positions
 * numerically), so applying them in this order never overwrites a deeper value with a shallower one.
 */
export function comparePointers(a: string, b: string): number {
  const sa = segmentsForSort(a);
  const sb = segmentsForSort(b);
  if (sa.length !== sb.length) return sa.length - sb.length;
  for (let i = 0; i < sa.length; i++) {
    const x = sa[i]!;
    const y = sb[i]!;
    if (x === y) continue;
    if (isArrayIndex(x) && isArrayIndex(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return 0;
}
