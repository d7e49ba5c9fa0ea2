import { z } from "zod";

export const MAX_EVENT_NAME_LENGTH = 64;
export const EVENT_NAME_PATTERN = /^[a-z][a-z0-9]*(?:[_.][a-z0-9]+)*$/;

/** Null when the name can be used, else the sentence to show next to the name field. */
export function checkEventName(name: string): string | null {
  if (name.length === 0) return "Enter an event name.";
  if (name.length > MAX_EVENT_NAME_LENGTH) return `Event names are at most ${MAX_EVENT_NAME_LENGTH} characters.`;
  if (!EVENT_NAME_PATTERN.test(name)) {
    return "Use lowercase letters, digits, and _ or . between words, starting with a letter (e.g. invoice_created or order.completed).";
  }
  return null;
}

// One rule, one message: the refinement reuses checkEventName instead of restating min/max/regex,
// so a form never shows "too short" and "bad characters" at once.
export const ZEventName = z.string().superRefine((name, ctx) => {
  const problem = checkEventName(name);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
