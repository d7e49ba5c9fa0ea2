"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createStaffUserAction } from "@/lib/staff/actions";
import { ZCreateStaffUserInput, type TCreateStaffUserInput } from "@/lib/staff/schemas";
import { Button } from "@/components/ui/button";
import { FormError, SelectField, TextField } from "@/components/ui/field";

export function CreateStaffUserForm() {
  const [created, setCreated] = useState<string>();
  const form = useForm<TCreateStaffUserInput>({
    resolver: zodResolver(ZCreateStaffUserInput),
    defaultValues: { email: "", name: "", password: "", role: "OPERATOR" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setCreated(undefined);
    const result = await createStaffUserAction(values);
    if (result.ok) {
      setCreated(result.data.email);
      form.reset();
      return;
    }
    if (result.error.code === "conflict") form.setError("email", { message: result.error.message });
    else {
      for (const [field, message] of Object.entries(result.error.fieldErrors ?? {})) {
        form.setError(field as keyof TCreateStaffUserInput, { message });
      }
      form.setError("root", { message: result.error.message });
    }
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <TextField label="Name" autoComplete="off" error={errors.name?.message} {...form.register("name")} />
      <TextField label="Email" type="email" autoComplete="off" error={errors.email?.message} {...form.register("email")} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters."
        error={errors.password?.message}
        {...form.register("password")}
      />
      <SelectField label="Role" error={errors.role?.message} {...form.register("role")}>
        <option value="OPERATOR">Operator: fires events, watches runs</option>
        <option value="ADMIN">Admin: also configures everything</option>
      </SelectField>
      <FormError message={errors.root?.message} />
      {created ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {created} can now sign in.
        </p>
      ) : null}
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Adding…" : "Add staff user"}
      </Button>
    </form>
  );
}
