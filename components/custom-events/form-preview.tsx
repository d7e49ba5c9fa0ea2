"use client";

import Form from "@rjsf/core";
import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import { Component, type ReactNode } from "react";
import { rjsfValidator } from "@/components/custom-events/rjsf-validator";
import { FORM_TEMPLATES, FORM_WIDGETS } from "@/components/forms/form-theme";

// A generated form can throw while a schema is half-typed; keep the editor alive.
class PreviewBoundary extends Component<{ children: ReactNode; resetKey: string }, { error?: string; key?: string }> {
  state: { error?: string; key?: string } = {};
  static getDerivedStateFromError(error: Error) {
    return { error: error.message };
  }
  componentDidUpdate() {
    if (this.state.error && this.state.key !== this.props.resetKey) this.setState({ error: undefined, key: this.props.resetKey });
  }
  render() {
    if (this.state.error) return <p className="text-sm text-amber-700">The preview cannot render this schema yet: {this.state.error}</p>;
    return this.props.children;
  }
}

export function FormPreview({ schema, uiSchema, formData }: { schema: object; uiSchema?: object | null; formData?: unknown }) {
  const ui = { ...(uiSchema ?? {}), "ui:submitButtonOptions": { norender: true } } as UiSchema;
  return (
    <div className="rjsf-preview" data-testid="form-preview">
      <PreviewBoundary resetKey={JSON.stringify(schema)}>
        <Form schema={schema as RJSFSchema} uiSchema={ui} validator={rjsfValidator} formData={formData} templates={FORM_TEMPLATES} widgets={FORM_WIDGETS} noHtml5Validate liveValidate={false} />
      </PreviewBoundary>
    </div>
  );
}
