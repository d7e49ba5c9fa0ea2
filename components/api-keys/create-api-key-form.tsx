"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createApiKeyAction } from "@/lib/api-keys/actions";
import { ZCreateApiKeyInput, type TCreateApiKeyInput } from "@/lib/api-keys/schemas";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { FormError, TextField } from "@/components/ui/field";

export function CreateApiKeyForm() {
  const [created, setCreated] = useState<{ name: string; secret: string }>();
  const form = useForm<TCreateApiKeyInput>({ resolver: zodResolver(ZCreateApiKeyInput), defaultValues: { name: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createApiKeyAction(values);
    if (!result.ok) {
      form.setError("name", { message: result.error.fieldErrors?.name ?? result.error.message });
      return;
    }
    setCreated({ name: result.data.name, secret: result.data.secret });
    form.reset();
  });

  return (
    <div className="space-y-4">
      {created ? (
        <div role="status" className="space-y-2 rounded-md bg-amber-50 p-4 ring-1 ring-amber-200">
          <p className="text-sm font-medium text-amber-900">
            Copy the key for “{created.name}” now. It is shown only once; we keep only its hash.
          </p>
          <div className="flex items-center gap-2">
            <code data-testid="new-api-key" className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1.5 font-mono text-xs ring-1 ring-amber-200">
              {created.secret}
            </code>
            <CopyButton value={created.secret} />
          </div>
        </div>
      ) : null}
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <TextField label="Key name" placeholder="Billing service (production)" error={errors.name?.message} {...form.register("name")} />
        <FormError message={errors.root?.message} />
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create API key"}
        </Button>
      </form>
    </div>
  );
}
