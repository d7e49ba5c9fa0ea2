import { compareFieldTypes, type TFieldTypeInfo } from "./type-compatibility";

/**
 * Event fields for a target, split into those that fit as they are and the rest (each in schema
 * order). Pass fields from listSchemaFieldDetails so numeric text patterns count.
 */
export function rankEventFields<T extends TFieldTypeInfo>(eventFields: readonly T[], target: TFieldTypeInfo | undefined): { matching: T[]; others: T[] } {
  if (!target) return { matching: [...eventFields], others: [] };
  const matching: T[] = [];
  const others: T[] = [];
  for (const field of eventFields) (compareFieldTypes(field, target).level === "ok" ? matching : others).push(field);
  return { matching, others };
}
