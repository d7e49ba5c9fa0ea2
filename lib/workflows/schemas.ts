import { z } from "zod";

// Input shapes of the workflow editor, shared by its form and the server actions.

const ZPointer = z.string().regex(/^(\/[^/]*)+$/, "must be a JSON pointer such as /invoiceAmount");

export const ZMappingSource = z.discriminatedUnion("source", [
  z.object({ source: z.literal("event"), path: ZPointer }),
  z.object({ source: z.literal("constant"), value: z.unknown() }),
  z.object({ source: z.literal("expression"), expression: z.string().min(1, "Enter an expression").max(10_000) }),
]);

export const ZRetryPolicy = z.object({
  maxAttempts: z.number().int().min(1, "at least 1").max(20, "at most 20"),
  initialDelaySeconds: z.number().min(0.1).max(3600),
  maxDelaySeconds: z.number().min(1).max(86_400),
});

export const ZWorkflowStep = z.object({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, "Step ids start with a letter and use letters, digits and _"),
  name: z.string().trim().min(1, "Name the step").max(120),
  action: z.string().min(1, "Pick an action"),
  mapping: z.record(ZPointer, ZMappingSource),
  retry: ZRetryPolicy.optional(),
  timeoutSeconds: z.number().int().min(1).max(600).optional(),
});

export const ZSaveWorkflowInput = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, "Name the workflow").max(120, "at most 120 characters"),
  customEventId: z.uuid("Pick the event that triggers it"),
  allEndUsers: z.boolean(),
  endUserIds: z.array(z.string().min(1)).max(1000),
  runTimeoutSeconds: z.number().int().min(10, "at least 10 seconds").max(86_400, "at most a day"),
  steps: z
    .array(ZWorkflowStep)
    .max(25, "at most 25 steps")
    .refine((steps) => new Set(steps.map((s) => s.id)).size === steps.length, "Step ids must be unique"),
  /** The version the editor started from; saving over a newer one is refused. */
  baseVersion: z.number().int().nullable(),
});

export type TSaveWorkflowInput = z.infer<typeof ZSaveWorkflowInput>;
