"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import {
  createCustomEventAction,
  previewSchemaChangeAction,
  saveCustomEventVersionAction,
} from "@/lib/custom-events/actions";
import type { TSchemaChangePreview } from "@/lib/custom-events/preview-schema-change";
import { checkEventName } from "@/lib/schemas/event-name";
import { fieldsToSchema, schemaToFields, validateFields } from "@/lib/schemas/field-model";
import { inferSchema } from "@/lib/schemas/infer-schema";
import { diffSchemas } from "@/lib/schemas/schema-diff";
import { runEventSnippets } from "@/lib/schemas/snippets";
import type { TJsonSchema } from "@/lib/schemas/types";
import { schemaToTypeScript, typeNameForEvent } from "@/lib/schemas/typescript-type";
import { checkSchemaDefinition, validateData, type TValidationError } from "@/lib/schemas/validator";
import { FieldListEditor, type TEditorValues } from "@/components/custom-events/field-list-editor";
import { FormPreview } from "@/components/custom-events/form-preview";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { FormError, TextField } from "@/components/ui/field";

// The schema editor. The JSON Schema is the source of truth; the visual field editor and the
// JSON tab both write to it and each re-renders from the other's edits.

type TTab = "fields" | "json" | "ui" | "sample" | "code";

export type TSchemaEditorProps = {
  mode: "create" | "edit";
  name?: string;
  description?: string;
  version?: number;
  schema?: TJsonSchema;
  uiSchema?: TJsonSchema | null;
  sample?: unknown;
};

const EMPTY_SCHEMA: TJsonSchema = { $schema: "https://json-schema.org/draft/2020-12/schema", type: "object", properties: {} };
const pretty = (value: unknown) => JSON.stringify(value, null, 2);

function parseJson(text: string): { value?: unknown; error?: string } {
  if (!text.trim()) return { value: undefined };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: `Not valid JSON: ${(error as Error).message}` };
  }
}

export function SchemaEditor(props: TSchemaEditorProps) {
  const router = useRouter();
  const initialSchema = props.schema ?? EMPTY_SCHEMA;
  const initialFields = useMemo(() => schemaToFields(initialSchema), [initialSchema]);
  const form = useForm<TEditorValues>({
    defaultValues: { name: props.name ?? "", description: props.description ?? "", fields: initialFields.fields },
  });

  const [tab, setTab] = useState<TTab>("fields");
  const [schema, setSchema] = useState<TJsonSchema>(initialSchema);
  const [schemaText, setSchemaText] = useState(pretty(initialSchema));
  const [unsupported, setUnsupported] = useState<string[]>(initialFields.unsupported);
  const [uiText, setUiText] = useState(props.uiSchema ? pretty(props.uiSchema) : "");
  const [sampleText, setSampleText] = useState(props.sample === undefined || props.sample === null ? "" : pretty(props.sample));
  const [saveError, setSaveError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [breaking, setBreaking] = useState<TSchemaChangePreview>();
  const [confirmed, setConfirmed] = useState(false);
  const syncingFromJson = useRef(false);

  const name = useWatch({ control: form.control, name: "name" });
  const fields = useWatch({ control: form.control, name: "fields" });

  // Visual editor -> JSON Schema.
  useEffect(() => {
    return form.subscribe({
      formState: { values: true },
      callback: ({ values, name: changed }) => {
        if (syncingFromJson.current || (changed && !changed.startsWith("fields"))) return;
        const next = fieldsToSchema(values.fields ?? []);
        setSchema(next);
        setSchemaText(pretty(next));
        setUnsupported([]);
      },
    });
  }, [form]);

  const schemaCheck = useMemo(() => checkSchemaDefinition(schema), [schema]);
  const jsonParse = useMemo(() => parseJson(schemaText), [schemaText]);

  // JSON tab -> visual editor.
  function onSchemaTextChange(text: string) {
    setSchemaText(text);
    const parsed = parseJson(text);
    if (parsed.error || !parsed.value || typeof parsed.value !== "object") return;
    const next = parsed.value as TJsonSchema;
    setSchema(next);
    const converted = schemaToFields(next);
    setUnsupported(converted.unsupported);
    if (converted.unsupported.length === 0) {
      // The form's subscription may fire after this tick; keep it from echoing the change back.
      syncingFromJson.current = true;
      form.setValue("fields", converted.fields);
      setTimeout(() => (syncingFromJson.current = false), 0);
    }
  }

  const uiParse = useMemo(() => parseJson(uiText), [uiText]);
  const sampleParse = useMemo(() => parseJson(sampleText), [sampleText]);
  const sampleResult = useMemo(() => {
    if (sampleParse.error || sampleParse.value === undefined || !schemaCheck.ok) return undefined;
    return validateData(schema, sampleParse.value);
  }, [sampleParse, schema, schemaCheck.ok]);

  const fieldErrors = useMemo(() => {
    const list = validateFields(fields ?? []);
    return Object.fromEntries(list.map((e) => [e.path, e.message]));
  }, [fields]);
  const nameProblem = props.mode === "create" && name ? checkEventName(name) : null;
  const changes = useMemo(
    () => (props.mode === "edit" && props.schema && schemaCheck.ok ? diffSchemas(props.schema, schema) : []),
    [props.mode, props.schema, schema, schemaCheck.ok],
  );

  function inferFromSample() {
    if (sampleParse.error || sampleParse.value === undefined) {
      setSaveError("Paste a sample payload (a JSON object) first.");
      return;
    }
    let inferred;
    try {
      inferred = inferSchema(sampleParse.value);
    } catch (error) {
      setSaveError((error as Error).message);
      return;
    }
    if ((fields ?? []).length && !window.confirm("Replace the current fields with the ones inferred from the sample?")) return;
    setSaveError(undefined);
    onSchemaTextChange(pretty(inferred.schema));
    // A short-form sample ("String", 2) is not itself a valid payload; keep it only if it validates.
    if (!validateData(inferred.schema, sampleParse.value).valid) setSampleText("");
    setTab("fields");
  }

  const problems: string[] = [
    ...(jsonParse.error ? [jsonParse.error] : []),
    ...(schemaCheck.ok ? [] : schemaCheck.errors.map((e) => e.message)),
    ...(uiParse.error ? [`UI schema: ${uiParse.error}`] : []),
    ...(sampleParse.error ? [`Sample: ${sampleParse.error}`] : []),
    ...(sampleResult && !sampleResult.valid ? ["The sample does not match the schema (see the Sample tab)."] : []),
    ...Object.values(fieldErrors),
    ...(nameProblem ? [nameProblem] : []),
  ];

  async function save(confirmBreaking: boolean) {
    setSaveError(undefined);
    if (problems.length) {
      setSaveError(`Fix these first: ${problems.join(" ")}`);
      return;
    }
    const values = form.getValues();
    const input = {
      name: values.name.trim(),
      description: values.description,
      schema,
      uiSchema: (uiParse.value as TJsonSchema | undefined) ?? null,
      sample: sampleParse.value ?? null,
      baseVersion: props.version ?? null,
      confirmBreaking,
    };
    setSaving(true);
    try {
      if (props.mode === "create") {
        const result = await createCustomEventAction(input);
        if (!result.ok) {
          if (result.error.fieldErrors?.name) form.setError("name", { message: result.error.fieldErrors.name });
          setSaveError(result.error.message);
          return;
        }
        router.push(`/events/${encodeURIComponent(result.data.name)}`);
        return;
      }
      if (!confirmBreaking) {
        const preview = await previewSchemaChangeAction(input.name, schema);
        if (!preview.ok) {
          setSaveError(preview.error.message);
          return;
        }
        if (preview.data.breaking) {
          setBreaking(preview.data);
          setConfirmed(false);
          return;
        }
      }
      const result = await saveCustomEventVersionAction(input);
      if (!result.ok) {
        setSaveError(result.error.message);
        return;
      }
      setBreaking(undefined);
      router.refresh();
    } finally {
      setSaving(false);
    }
  }

  const snippets = runEventSnippets({
    baseUrl: typeof window === "undefined" ? "http://localhost:3000" : window.location.origin,
    eventName: name || "my_event",
    userId: "demo-user",
    data: sampleParse.value ?? {},
  });

  return (
    <FormProvider {...form}>
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <div className="space-y-5">
          <div className="grid gap-4 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-2">
            {props.mode === "create" ? (
              <TextField
                label="Event name"
                placeholder="create_invoice"
                hint="lowercase_snake_case or dotted (order.completed); cannot be changed later"
                error={form.formState.errors.name?.message ?? nameProblem ?? undefined}
                className="font-mono"
                {...form.register("name")}
              />
            ) : null}
            <TextField label="Description" placeholder="What happened in your application" {...form.register("description")} />
          </div>

          <div role="tablist" aria-label="Schema editor" className="flex flex-wrap gap-1 border-b border-slate-200">
            {(
              [
                ["fields", "Fields"],
                ["json", "JSON Schema"],
                ["ui", "Form layout (UI schema)"],
                ["sample", "Sample & inference"],
                ["code", "Code"],
              ] as [TTab, string][]
            ).map(([id, label]) => (
              <button
                key={id}
                role="tab"
                type="button"
                id={`tab-${id}`}
                aria-selected={tab === id}
                aria-controls={`panel-${id}`}
                onClick={() => setTab(id)}
                className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === id ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
              >
                {label}
              </button>
            ))}
          </div>

          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {tab === "fields" ? (
              unsupported.length ? (
                <div className="rounded-md bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200">
                  <p className="font-medium">This schema uses features the visual editor cannot show. Edit it in the JSON Schema tab.</p>
                  <ul className="mt-2 list-disc pl-5">
                    {unsupported.map((u) => (
                      <li key={u}>{u}</li>
                    ))}
                  </ul>
                </div>
              ) : (
                <>
                  <FieldListEditor path="fields" errors={fieldErrors} />
                  {schemaCheck.warnings.length ? (
                    <ul aria-label="Suggestions" className="mt-3 space-y-1 text-sm text-amber-700">
                      {schemaCheck.warnings.map((w) => (
                        <li key={w.path + w.message}>{w.message}</li>
                      ))}
                    </ul>
                  ) : null}
                </>
              )
            ) : null}

            {tab === "json" ? (
              <JsonTextArea
                label="JSON Schema (draft 2020-12)"
                value={schemaText}
                onChange={onSchemaTextChange}
                errors={jsonParse.error ? [{ path: "", message: jsonParse.error, keyword: "json" }] : schemaCheck.ok ? [] : schemaCheck.errors}
                warnings={schemaCheck.warnings.map((w) => w.message)}
              />
            ) : null}

            {tab === "ui" ? (
              <JsonTextArea
                label="UI schema for the generated form (labels, order, widgets, help text)"
                value={uiText}
                onChange={setUiText}
                placeholder={pretty({ "ui:order": ["invoiceNumber", "*"], notes: { "ui:widget": "textarea" } })}
                errors={uiParse.error ? [{ path: "", message: uiParse.error, keyword: "json" }] : []}
              />
            ) : null}

            {tab === "sample" ? (
              <div className="space-y-3">
                <JsonTextArea
                  label="Sample payload (the event's data)"
                  value={sampleText}
                  onChange={setSampleText}
                  placeholder={'{"id": "String", "invoiceNumber": "String", "invoiceAmount": 2}'}
                  errors={sampleParse.error ? [{ path: "", message: sampleParse.error, keyword: "json" }] : []}
                />
                <p className="text-xs text-slate-500">
                  Paste a real payload, or a short form where a type name or an example value stands for each field, then infer the schema from it.
                </p>
                <Button type="button" variant="secondary" onClick={inferFromSample}>
                  Infer schema from sample
                </Button>
              </div>
            ) : null}

            {tab === "code" ? (
              <div className="space-y-5">
                <CodeBlock title="curl" code={snippets.curl} />
                <CodeBlock title="TypeScript (fetch)" code={snippets.typescript} />
                <CodeBlock title="TypeScript type of the event's data" code={schemaCheck.ok ? schemaToTypeScript(schema, typeNameForEvent(name || "my_event")) : "// Fix the schema first."} />
              </div>
            ) : null}
          </div>

          {changes.length ? (
            <section aria-labelledby="changes-heading" className="rounded-lg border border-slate-200 bg-white p-4">
              <h2 id="changes-heading" className="text-sm font-semibold">
                Changes since version {props.version}
              </h2>
              <ul className="mt-2 space-y-1 text-sm">
                {changes.map((c) => (
                  <li key={`${c.kind}${c.path}`} className={c.breaking ? "text-red-700" : "text-slate-700"}>
                    {c.breaking ? <span className="mr-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-semibold ring-1 ring-red-200">Breaking</span> : null}
                    {c.message}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          {breaking ? (
            <section role="alertdialog" aria-labelledby="breaking-heading" className="rounded-lg border border-red-300 bg-red-50 p-4">
              <h2 id="breaking-heading" className="font-semibold text-red-900">
                This change breaks callers of “{name}”
              </h2>
              <ul className="mt-2 list-disc pl-5 text-sm text-red-900">
                {breaking.changes.filter((c) => c.breaking).map((c) => (
                  <li key={`${c.kind}${c.path}`}>{c.message}</li>
                ))}
              </ul>
              <p className="mt-3 text-sm text-red-900">
                {breaking.affectedWorkflows.length
                  ? `Workflows whose mappings use these fields: ${breaking.affectedWorkflows.map((w) => `${w.name} (${w.fields.join(", ")})`).join("; ")}.`
                  : "No workflow maps these fields, but applications sending this event may still depend on them."}
              </p>
              <label className="mt-3 flex items-center gap-2 text-sm font-medium text-red-900">
                <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} className="h-4 w-4" />
                I understand; save it anyway
              </label>
              <div className="mt-3 flex gap-2">
                <Button type="button" variant="danger" disabled={!confirmed || saving} onClick={() => save(true)}>
                  Save breaking change
                </Button>
                <Button type="button" variant="secondary" onClick={() => setBreaking(undefined)}>
                  Keep editing
                </Button>
              </div>
            </section>
          ) : null}

          <FormError message={saveError} />
          <div className="flex items-center gap-3">
            <Button type="button" disabled={saving} onClick={() => save(false)}>
              {saving ? "Saving…" : props.mode === "create" ? "Create event" : `Save as version ${(props.version ?? 0) + 1}`}
            </Button>
            {problems.length ? <span className="text-sm text-amber-700">{problems.length} problem{problems.length === 1 ? "" : "s"} to fix before saving</span> : null}
          </div>
        </div>

        <aside className="space-y-4">
          <section aria-labelledby="preview-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="preview-heading" className="mb-3 text-sm font-semibold">
              Form preview
            </h2>
            {schemaCheck.ok && !uiParse.error ? (
              <FormPreview schema={schema} uiSchema={uiParse.value as object | undefined} formData={sampleParse.value} />
            ) : (
              <p className="text-sm text-slate-500">Fix the schema to see the form.</p>
            )}
          </section>
          <section aria-labelledby="sample-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="sample-heading" className="text-sm font-semibold">
              Sample validation
            </h2>
            <div data-testid="sample-validation" className="mt-2 text-sm">
              {sampleParse.value === undefined ? (
                <p className="text-slate-500">Add a sample payload in the Sample tab to check it against the schema.</p>
              ) : sampleResult?.valid ? (
                <p className="text-green-700">The sample matches the schema.</p>
              ) : sampleResult ? (
                <ul className="space-y-1 text-red-700">
                  {sampleResult.errors.map((e) => (
                    <li key={`${e.path}${e.keyword}`}>{e.message}</li>
                  ))}
                </ul>
              ) : (
                <p className="text-slate-500">Fix the schema and sample JSON first.</p>
              )}
            </div>
          </section>
        </aside>
      </div>
    </FormProvider>
  );
}

function JsonTextArea({
  label,
  value,
  onChange,
  errors,
  warnings = [],
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: TValidationError[];
  warnings?: string[];
  placeholder?: string;
}) {
  const id = label.replace(/\W+/g, "-").toLowerCase();
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea
        id={id}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
        rows={18}
        aria-invalid={errors.length > 0}
        aria-describedby={errors.length ? `${id}-errors` : undefined}
        className="block w-full rounded-md border-0 px-3 py-2 font-mono text-xs shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600 aria-[invalid=true]:ring-red-500"
      />
      {errors.length ? (
        <ul id={`${id}-errors`} role="alert" className="space-y-1 text-sm text-red-700">
          {errors.map((e) => (
            <li key={`${e.path}${e.keyword}${e.message}`}>{e.message}</li>
          ))}
        </ul>
      ) : null}
      {warnings.length ? (
        <ul className="space-y-1 text-sm text-amber-700">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function CodeBlock({ title, code }: { title: string; code: string }) {
  return (
    <div>
      <div className="mb-1 flex items-center justify-between">
        <h3 className="text-sm font-semibold">{title}</h3>
        <CopyButton value={code} />
      </div>
      <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
        <code>{code}</code>
      </pre>
    </div>
  );
}
