"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { saveWorkflowAction } from "@/lib/workflows/actions";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";

export function NewWorkflowForm({ events }: { events: { id: string; name: string }[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [customEventId, setCustomEventId] = useState(events[0]?.id ?? "");
  const [error, setError] = useState<string>();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, startTransition] = useTransition();

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await saveWorkflowAction({ name, customEventId, allEndUsers: true, endUserIds: [], runTimeoutSeconds: 900, steps: [], baseVersion: null });
          if (result.ok) router.push(`/workflows/${result.data.id}`);
          else {
            setError(result.error.message);
            setFieldErrors(result.error.fieldErrors ?? {});
          }
        });
      }}
    >
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Create NetSuite invoice" error={fieldErrors.name} required />
      <SelectField label="Triggered by" value={customEventId} onChange={(e) => setCustomEventId(e.target.value)} error={fieldErrors.customEventId}>
        {events.map((ev) => (
          <option key={ev.id} value={ev.id}>{ev.name}</option>
        ))}
      </SelectField>
      <FormError message={error} />
      <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create workflow"}</Button>
    </form>
  );
}
