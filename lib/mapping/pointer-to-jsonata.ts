import { isArrayIndex, parsePointer } from "./pointer";

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * The JSONata path for an event field: "/customer/name" → "data.customer.name",
 * "/lines/0/sku" → "data.lines[0].sku", odd names in backticks. Undefined for an invalid pointer.
 */
export function pointerToJsonata(pointer: string, root = "data"): string | undefined {
  let segments: string[];
  try {
    segments = parsePointer(pointer);
  } catch {
    return undefined;
  }
  let path = root;
  for (const segment of segments) {
    if (isArrayIndex(segment)) path += `[${segment}]`;
    else path += IDENTIFIER.test(segment) ? `.${segment}` : `.\`${segment.replace(/`/g, "")}\``;
  }
  return path;
}
