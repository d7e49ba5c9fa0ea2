/** A JSON Schema document or subschema, kept loose: schemas are user data, checked at runtime. */
export type TJsonSchema = { [key: string]: unknown };

export const JSON_SCHEMA_DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

export function isJsonObject(value: unknown): value is TJsonSchema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
