import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { checkEventName } from "@/lib/schemas/event-name";
import { checkSchemaDefinition, validateData } from "@/lib/schemas/validator";

/** Refuses a bad name, schema or sample with every problem listed; returns schema warnings. */
export function assertValidDefinition({ name, schema, sample }: { name?: string; schema: object; sample?: unknown }) {
  if (name !== undefined) {
    const problem = checkEventName(name);
    if (problem) throw new AppError("validation_failed", { message: problem, details: [{ path: "/name", message: problem }] });
  }
  const checked = checkSchemaDefinition(schema);
  if (!checked.ok) {
    throw new AppError("validation_failed", {
      message: `The schema is not valid: ${checked.errors[0]!.message}${checked.errors.length > 1 ? ` (and ${checked.errors.length - 1} more)` : ""}`,
      details: checked.errors.map((e) => ({ path: `/schema${e.path}`, message: e.message, keyword: e.keyword })),
    });
  }
  if (sample !== undefined && sample !== null) {
    const result = validateData(schema, sample);
    if (!result.valid) {
      throw new AppError("validation_failed", {
        message: `The sample payload does not match the schema: ${result.errors[0]!.message}`,
        details: result.errors.map((e) => ({ path: `/sample${e.path}`, message: e.message, keyword: e.keyword })),
      });
    }
  }
  return checked.warnings;
}
