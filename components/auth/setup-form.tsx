"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { createFirstAdminAction } from "@/lib/staff/actions";
import { ZCreateFirstAdminInput, type TCreateFirstAdminInput } from "@/lib/staff/schemas";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";

export function SetupForm() {
  const router = useRouter();
  const form = useForm<TCreateFirstAdminInput>({
    resolver: zodResolver(ZCreateFirstAdminInput),
    defaultValues: { name: "", email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createFirstAdminAction(values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.error.fieldErrors ?? {})) {
        form.setError(field as keyof TCreateFirstAdminInput, { message });
      }
      form.setError("root", { message: result.error.message });
      return;
    }
    await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    router.replace("/");
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <TextField label="Your name" autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <TextField label="Email" type="email" autoComplete="username" error={errors.email?.message} {...form.register("email")} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters."
        error={errors.password?.message}
        {...form.register("password")}
      />
      <FormError message={errors.root?.message} />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Creating…" : "Create admin account"}
      </Button>
    </form>
  );
}
