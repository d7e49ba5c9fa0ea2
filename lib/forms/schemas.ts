import { z } from "zod";

// Inputs of the forms' server actions and the shapes the form page exchanges with the server.
// No "server-only": the client components import these types.

/** One generated form's key for a submit: a double click or a resubmit sends the same one. */
const ZIdempotencyKey = z
  .string({ error: "idempotencyKey must be a string" })
  .regex(/^[\x21-\x7e]{1,255}$/, { error: "idempotencyKey must be 1-255 visible ASCII characters, e.g. a UUID" });

export const ZSubmitFormInput = z.object({
  eventName: z.string({ error: "eventName must be a string" }).min(1, { error: "eventName is required" }).max(255),
  userId: z
    .string({ error: "Choose the end user this event is for" })
    .trim()
    .min(1, { error: "Choose the end user this event is for" })
    .max(255, { error: "userId is at most 255 characters" }),
  data: z.record(z.string(), z.unknown(), { error: "data must be an object" }),
  idempotencyKey: ZIdempotencyKey,
});
export type TSubmitFormInput = z.input<typeof ZSubmitFormInput>;

export const ZSetFormEnabledInput = z.object({
  eventName: z.string({ error: "eventName must be a string" }).min(1).max(255),
  enabled: z.boolean({ error: "enabled must be true or false" }),
});
export type TSetFormEnabledInput = z.input<typeof ZSetFormEnabledInput>;

/** What a submit answers: the stored event and the runs it started (the first answer, on a replay). */
export type TFormSubmission = {
  eventId: string;
  runs: { runId: string; workflowId: string; workflowName: string }[];
  replayed: boolean;
};

/** One end user in the form's end-user picker (GET /api/internal/end-users). */
export type TEndUserOption = { userId: string; username: string | null; fullName: string | null };
export type TEndUserSearchResult = { items: TEndUserOption[]; total: number };
