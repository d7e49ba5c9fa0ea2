"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type Resolver } from "react-hook-form";
import { saveConnectionAction } from "@/lib/connections/actions";
import { CONNECTION_KINDS, type TConnectableConnector } from "@/lib/connections/connection-fields";
import { connectionInputSchema, type TConnectionFormValues } from "@/lib/connections/schemas";
import type { TConnectionSummary } from "@/lib/connections/types";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";

export const KEEP_SECRET_PLACEHOLDER = "Leave blank to keep the stored secret";

/**
 * Adds or edits one connection. Secret inputs always start blank: the app never shows a stored
 * secret, and on edit a blank secret keeps the stored one.
 */
export function ConnectionForm({
  endUserId,
  connector,
  connection,
  onSaved,
  onCancel,
}: {
  endUserId: string;
  connector: TConnectableConnector;
  connection?: TConnectionSummary;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const kind = CONNECTION_KINDS[connector];
  const mode = connection ? "update" : "create";
  const form = useForm<TConnectionFormValues>({
    resolver: zodResolver(connectionInputSchema(connector, mode)) as unknown as Resolver<TConnectionFormValues>,
    defaultValues: {
      name: connection?.name ?? kind.name,
      ...Object.fromEntries(kind.fields.map((f) => [f.key, f.secret ? "" : (connection?.config[f.key] ?? "")])),
    },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ name, ...values }) => {
    const result = await saveConnectionAction({ endUserId, connector, name, values });
    if (result.ok) {
      onSaved();
      return;
    }
    const known = new Set(["name", ...kind.fields.map((f) => f.key)]);
    let shown = false;
    for (const [path, message] of Object.entries(result.error.fieldErrors ?? {})) {
      const field = path.replace(/^values[./]/, "");
      if (!known.has(field)) continue;
      form.setError(field, { message });
      shown = true;
    }
    if (!shown) form.setError("root", { message: result.error.message });
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label={`${connection ? "Edit" : "Add"} ${kind.name} connection`}>
      <TextField label="Connection name" autoComplete="off" error={errors.name?.message} {...form.register("name")} />
      {kind.fields.map((field) => {
        const keepsStored = field.secret && connection?.secretsSet[field.key];
        return (
          <TextField
            key={field.key}
            label={field.required || field.secret ? field.label : `${field.label} (optional)`}
            type={field.secret ? "password" : "text"}
            // new-password keeps the browser from filling in the staff user's own password.
            autoComplete={field.secret ? "new-password" : "off"}
            spellCheck={false}
            placeholder={keepsStored ? KEEP_SECRET_PLACEHOLDER : field.placeholder}
            hint={field.help}
            error={errors[field.key]?.message}
            {...form.register(field.key)}
          />
        );
      })}
      <FormError message={errors.root?.message} />
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : connection ? "Save changes" : "Add connection"}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel} disabled={isSubmitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
