"use client";

import Form from "@rjsf/core";
import type { IChangeEvent } from "@rjsf/core";
import type { ErrorSchema, RJSFSchema, UiSchema } from "@rjsf/utils";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { submitFormAction } from "@/lib/forms/actions";
import {
  errorSchemaToSummary,
  FORM_ID_PREFIX,
  formErrorTransformer,
  serverErrorsToErrorSchema,
  summarizeErrors,
  type TErrorSummaryItem,
} from "@/lib/forms/form-errors";
import type { TEndUserOption, TFormSubmission, TSubmitFormInput } from "@/lib/forms/schemas";
import type { TJsonSchema } from "@/lib/schemas/types";
import { rjsfValidator } from "@/components/custom-events/rjsf-validator";
import { EndUserCombobox } from "@/components/forms/end-user-combobox";
import { ErrorSummary } from "@/components/forms/error-summary";
import { FORM_TEMPLATES, FORM_WIDGETS } from "@/components/forms/form-theme";
import { FormSubmissionResult } from "@/components/forms/form-submission-result";
import { newIdempotencyKey } from "@/components/forms/new-idempotency-key";
import { Button } from "@/components/ui/button";

// A form generated from an event's current schema and UI schema. The browser validates with
// the same rules as the server (rjsf's Ajv 2020 with formats); the server action validates
// again and fires the event (source FORM). One idempotency key per filled-in form: a double
// click or a resubmit returns the first result; a new key is made after a success.

const END_USER_ID = "form-end-user";

type TFocusTarget = { target: "summary" | "result" | "first-field"; request: number };

function dedupe(items: TErrorSummaryItem[]) {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.fieldId}\u0000${item.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function GeneratedForm({ eventName, schema, uiSchema }: { eventName: string; schema: TJsonSchema; uiSchema: TJsonSchema | null }) {
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  const [endUser, setEndUser] = useState<TEndUserOption | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [serverFieldErrors, setServerFieldErrors] = useState<ErrorSchema>();
  const [endUserServerError, setEndUserServerError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [formInstance, setFormInstance] = useState(0);
  const [submission, setSubmission] = useState<TFormSubmission & { userId: string }>();
  const [focus, setFocus] = useState<TFocusTarget>();
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const fieldsRef = useRef<HTMLDivElement>(null);
  const inFlight = useRef(false);

  const ui = useMemo(() => (uiSchema ?? {}) as UiSchema, [uiSchema]);
  const transformErrors = useMemo(() => formErrorTransformer(schema), [schema]);

  // Focus moves after React has rendered what it moves to.
  useEffect(() => {
    if (!focus) return;
    if (focus.target === "summary") summaryRef.current?.focus();
    if (focus.target === "result") resultRef.current?.focus();
    if (focus.target === "first-field") fieldsRef.current?.querySelector<HTMLElement>("input, textarea, select")?.focus();
  }, [focus]);
  const moveFocus = (target: TFocusTarget["target"]) => setFocus((previous) => ({ target, request: (previous?.request ?? 0) + 1 }));

  // After the first submit the summary follows the data as it is fixed, like the inline errors.
  const clientErrors = useMemo(() => {
    if (!attempted) return [];
    return summarizeErrors(rjsfValidator.validateFormData(formData, schema as RJSFSchema, undefined, transformErrors, ui).errors);
  }, [attempted, formData, schema, transformErrors, ui]);
  const endUserError = endUserServerError ?? (attempted && !endUser ? "End user is required" : undefined);
  const summaryItems = dedupe([
    ...(endUserError ? [{ fieldId: END_USER_ID, message: endUserError }] : []),
    ...clientErrors,
    ...(serverFieldErrors ? errorSchemaToSummary(serverFieldErrors) : []),
  ]);

  const fire = useMutation({
    mutationFn: (input: TSubmitFormInput) => submitFormAction(input),
    onSuccess: (result, input) => {
      if (result.ok) {
        setSubmission({ ...result.data, userId: input.userId });
        setIdempotencyKey(newIdempotencyKey());
        moveFocus("result");
        return;
      }
      const { code, message, fieldErrors } = result.error;
      if (code === "data_invalid" && fieldErrors) {
        setServerFieldErrors(serverErrorsToErrorSchema(fieldErrors, schema, ui));
      } else if (code === "end_user_not_found") {
        setEndUserServerError(`End user ${input.userId} no longer exists; choose another one`);
      } else if (code === "idempotency_key_reused") {
        // An earlier submit of this form fired with other values (its answer was lost): a new key fires anew.
        setIdempotencyKey(newIdempotencyKey());
        setFormError("An earlier submit of this form already fired the event with different values; check the Event log. Submit again to fire it with these values.");
      } else {
        setFormError(message);
      }
      moveFocus("summary");
    },
    onError: (error) => {
      setFormError(`The form could not be sent (${error.message}). Submitting again will not fire the event twice.`);
      moveFocus("summary");
    },
    onSettled: () => {
      inFlight.current = false;
    },
  });

  function startSubmit() {
    setAttempted(true);
    setFormError(undefined);
    setEndUserServerError(undefined);
  }

  function onSubmit({ formData: data }: IChangeEvent) {
    startSubmit();
    if (!endUser) {
      moveFocus("summary");
      return;
    }
    if (inFlight.current) return;
    inFlight.current = true;
    // A JSON round trip drops the undefined values rjsf keeps for empty optional fields.
    const payload = JSON.parse(JSON.stringify(data ?? {})) as Record<string, unknown>;
    fire.mutate({ eventName, userId: endUser.userId, data: payload, idempotencyKey });
  }

  function fireAnother() {
    setSubmission(undefined);
    setFormData({});
    setAttempted(false);
    setServerFieldErrors(undefined);
    setFormError(undefined);
    setFormInstance((n) => n + 1);
    moveFocus("first-field");
  }

  if (submission) {
    return (
      <div className="max-w-2xl">
        <FormSubmissionResult ref={resultRef} submission={submission} eventName={eventName} userId={submission.userId} onFireAnother={fireAnother} />
      </div>
    );
  }

  return (
    <div className="max-w-2xl space-y-5 rounded-lg border border-slate-200 bg-white p-6">
      <p className="text-sm text-slate-600">Fields marked with an asterisk (*) are required.</p>
      {summaryItems.length || formError ? <ErrorSummary ref={summaryRef} items={summaryItems} message={formError} /> : null}
      <EndUserCombobox
        id={END_USER_ID}
        value={endUser}
        onChange={(user) => {
          setEndUser(user);
          setEndUserServerError(undefined);
        }}
        error={endUserError}
      />
      <div ref={fieldsRef}>
        <Form
          key={formInstance}
          className="rjsf-form"
          schema={schema as RJSFSchema}
          uiSchema={ui}
          formData={formData}
          validator={rjsfValidator}
          templates={FORM_TEMPLATES}
          widgets={FORM_WIDGETS}
          idPrefix={FORM_ID_PREFIX}
          transformErrors={transformErrors}
          extraErrors={serverFieldErrors}
          showErrorList={false}
          noHtml5Validate
          liveValidate={attempted ? "onChange" : undefined}
          onChange={(event) => {
            setFormData((event.formData ?? {}) as Record<string, unknown>);
            if (serverFieldErrors) setServerFieldErrors(undefined);
          }}
          onError={() => {
            startSubmit();
            moveFocus("summary");
          }}
          onSubmit={onSubmit}
        >
          <div className="flex items-center gap-3 border-t border-slate-100 pt-4">
            <Button type="submit" disabled={fire.isPending}>
              {fire.isPending ? "Submitting…" : "Submit"}
            </Button>
            <span className="text-xs text-slate-500">Fires {eventName} for the chosen end user.</span>
          </div>
        </Form>
      </div>
    </div>
  );
}
