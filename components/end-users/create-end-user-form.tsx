"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { createEndUserAction } from "@/lib/end-users/actions";
import type { TCreateEndUserInput } from "@/lib/end-users/schemas";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";

export function CreateEndUserForm() {
  const router = useRouter();
  const form = useForm<TCreateEndUserInput>({ defaultValues: { userId: "", username: "", fullName: "" } });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createEndUserAction(values);
    if (!result.ok) {
      if (result.error.code === "conflict") form.setError("userId", { message: result.error.message });
      for (const [field, message] of Object.entries(result.error.fieldErrors ?? {})) form.setError(field as keyof TCreateEndUserInput, { message });
      form.setError("root", { message: result.error.message });
      return;
    }
    router.push(`/end-users/${encodeURIComponent(result.data.userId)}`);
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <TextField label="userId" placeholder="Leave empty to generate one" hint="Your product's id for this user." error={errors.userId?.message} {...form.register("userId")} />
      <TextField label="Username" error={errors.username?.message} {...form.register("username")} />
      <TextField label="Full name" error={errors.fullName?.message} {...form.register("fullName")} />
      <FormError message={errors.root?.message} />
      <Button type="submit" disabled={isSubmitting}>{isSubmitting ? "Creating…" : "Create end user"}</Button>
    </form>
  );
}
