"use client";

import { getDefaultRegistry } from "@rjsf/core";
import {
  ariaDescribedByIds,
  errorId,
  getInputProps,
  getUiOptions,
  type BaseInputTemplateProps,
  type FieldErrorProps,
  type FieldTemplateProps,
  type RegistryWidgetsType,
  type TemplatesType,
  type WidgetProps,
} from "@rjsf/utils";
import type { ChangeEvent } from "react";

// How the generated forms look and behave, on top of @rjsf/core's own fields: the app's input
// style, aria-invalid on fields with errors, errors and help linked to their input (rjsf's
// aria-describedby ids), the required mark hidden from screen readers (the input is `required`),
// and numbers typed into a text input, so that "abc" stays visible and fails with "must be a
// number" instead of being swallowed by <input type="number">.

const CONTROL =
  "block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-600 disabled:bg-slate-50 aria-[invalid=true]:ring-red-500";

// rjsf's own wrapper (it adds the key and remove controls of additionalProperties entries).
const { WrapIfAdditionalTemplate } = getDefaultRegistry().templates;

const isNumeric = (type: unknown) => type === "number" || type === "integer";

/** Every <input> widget (text, number, date, email, url, ...). */
function BaseInputTemplate(props: BaseInputTemplateProps) {
  const { id, htmlName, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, onChangeOverride, options, schema, rawErrors, type, placeholder, required } = props;
  // TextWidget passes no `type`; a number field then gets a text input with a numeric keyboard.
  // An explicit "ui:widget": "updown" or "ui:options": { "inputType": "number" } keeps type="number".
  const numericText = !type && !options.inputType && (isNumeric(schema.type) || options.money === true);
  const inputProps = numericText
    ? { type: "text", inputMode: schema.type === "integer" ? ("numeric" as const) : ("decimal" as const), autoComplete: "off" }
    : getInputProps(schema, type, options);
  const inputValue = value === undefined || value === null ? "" : String(value);
  const currency = typeof options.currency === "string" ? options.currency : undefined;
  const describedBy = [ariaDescribedByIds(id, Boolean(schema.examples)), currency ? `${id}__currency` : ""].filter(Boolean).join(" ");
  const input = (
    <input
      id={id}
      name={htmlName || id}
      className={`${CONTROL} ${currency ? "pl-14" : ""}`}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      value={inputValue}
      placeholder={placeholder}
      required={required}
      aria-invalid={rawErrors?.length ? true : undefined}
      aria-describedby={describedBy}
      {...inputProps}
      list={schema.examples ? `${id}__examples` : undefined}
      onChange={
        onChangeOverride ?? ((event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value === "" ? options.emptyValue : event.target.value))
      }
      onBlur={(event) => onBlur(id, event.target.value)}
      onFocus={(event) => onFocus(id, event.target.value)}
    />
  );
  const examples = Array.isArray(schema.examples) ? (
    <datalist id={`${id}__examples`}>
      {(schema.examples as unknown[]).map((example) => (
        <option key={String(example)} value={String(example)} />
      ))}
    </datalist>
  ) : null;
  if (!currency) {
    return (
      <>
        {input}
        {examples}
      </>
    );
  }
  return (
    <div className="relative">
      <span id={`${id}__currency`} className="pointer-events-none absolute inset-y-0 left-0 flex w-12 items-center justify-center text-sm text-slate-500">
        {currency}
      </span>
      {input}
      {examples}
    </div>
  );
}

/** "ui:widget": "money" (optionally "ui:options": { "currency": "EUR" }): an amount typed as text. */
function MoneyWidget(props: WidgetProps) {
  return <BaseInputTemplate {...props} options={{ ...props.options, inputType: undefined, money: true }} />;
}

/** "ui:widget": "textarea" ("ui:options": { "rows": 6 }). */
function TextareaWidget({ id, htmlName, value, required, disabled, readonly, autofocus, placeholder, options, rawErrors, onChange, onBlur, onFocus }: WidgetProps) {
  return (
    <textarea
      id={id}
      name={htmlName || id}
      className={CONTROL}
      value={value ?? ""}
      placeholder={placeholder}
      required={required}
      disabled={disabled}
      readOnly={readonly}
      autoFocus={autofocus}
      rows={typeof options.rows === "number" ? options.rows : 4}
      aria-invalid={rawErrors?.length ? true : undefined}
      aria-describedby={ariaDescribedByIds(id)}
      onChange={(event) => onChange(event.target.value === "" ? options.emptyValue : event.target.value)}
      onBlur={(event) => onBlur(id, event.target.value)}
      onFocus={(event) => onFocus(id, event.target.value)}
    />
  );
}

/**
 * Label, description, input, help, errors. When the UI schema gives help text, the schema's
 * description (written for the API's readers) is left out unless "ui:description" sets one.
 */
function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, errors, help, description, rawHelp, hidden, required, displayLabel, uiSchema } = props;
  const uiOptions = getUiOptions(uiSchema);
  if (hidden) return <div className="hidden">{children}</div>;
  const showLabel = displayLabel && uiOptions.widget !== "checkbox" && Boolean(label);
  const showDescription = displayLabel && Boolean(description) && (!rawHelp || uiOptions.description !== undefined);
  return (
    <WrapIfAdditionalTemplate {...props}>
      {showLabel ? (
        <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
          {label}
          {required ? (
            <span aria-hidden="true" className="ml-0.5 text-red-700">
              *
            </span>
          ) : null}
        </label>
      ) : null}
      {showDescription ? description : null}
      {children}
      {help}
      {errors}
    </WrapIfAdditionalTemplate>
  );
}

function FieldErrorTemplate({ errors = [], fieldPathId }: FieldErrorProps) {
  const messages = errors.filter(Boolean);
  if (messages.length === 0) return null;
  return (
    <div id={errorId(fieldPathId)} className="mt-1 space-y-0.5 text-sm text-red-700">
      {messages.map((message, index) => (
        <p key={index}>
          <span className="sr-only">Error: </span>
          {message}
        </p>
      ))}
    </div>
  );
}

export const FORM_TEMPLATES: Partial<TemplatesType> = { BaseInputTemplate, FieldTemplate, FieldErrorTemplate };
export const FORM_WIDGETS: RegistryWidgetsType = { TextareaWidget, money: MoneyWidget };
