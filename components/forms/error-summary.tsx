"use client";

import { forwardRef, type MouseEvent } from "react";
import type { TErrorSummaryItem } from "@/lib/forms/form-errors";

// The list of a failed submit's problems, at the top of the form: announced (role="alert"),
// focused after the submit, each entry a link that moves focus to its field.

function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string) {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.scrollIntoView({ block: "center" });
}

export const ErrorSummary = forwardRef<HTMLDivElement, { items: TErrorSummaryItem[]; message?: string }>(function ErrorSummary(
  { items, message },
  ref,
) {
  const count = items.length;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="form-error-summary-title"
      data-testid="error-summary"
      className="rounded-md bg-red-50 p-4 ring-1 ring-red-300 focus:outline-2 focus:outline-offset-2 focus:outline-red-600"
    >
      <h2 id="form-error-summary-title" className="text-sm font-semibold text-red-900">
        {count === 0 ? "The event was not fired" : count === 1 ? "There is a problem with this form" : `There are ${count} problems with this form`}
      </h2>
      {message ? <p className="mt-1 text-sm text-red-900">{message}</p> : null}
      {count ? (
        <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-red-900">
          {items.map((item) => (
            <li key={`${item.fieldId}:${item.message}`}>
              <a href={`#${item.fieldId}`} onClick={(event) => focusField(event, item.fieldId)} className="font-medium underline hover:text-red-700">
                {item.message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
});
