import { z } from "zod";

// Inputs shared by server actions, the API and the editor's forms.

const jsonObject = z.record(z.string(), z.unknown(), { error: "must be a JSON object" });

export const ZSaveCustomEventInput = z.object({
  name: z.string().trim(),
  description: z.string().trim().max(500, { error: "Keep the description under 500 characters." }).default(""),
  schema: jsonObject,
  uiSchema: jsonObject.nullish(),
  sample: z.unknown().optional(),
  /** The version the editor started from; saving fails if someone saved a newer one meanwhile. */
  baseVersion: z.number().int().nonnegative().nullish(),
  confirmBreaking: z.boolean().default(false),
});
export type TSaveCustomEventInput = z.input<typeof ZSaveCustomEventInput>;
