"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { ZSignInInput, type TSignInInput } from "@/lib/staff/schemas";
import { Button } from "@/components/ui/button";
import { FormError, TextField } from "@/components/ui/field";

export const WRONG_CREDENTIALS = "Wrong email or password, or the account is disabled. Check both and try again.";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const form = useForm<TSignInInput>({ resolver: zodResolver(ZSignInInput), defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async ({ email, password }) => {
    const result = await signIn("credentials", { email, password, redirect: false, callbackUrl });
    if (!result || result.error) {
      form.setError("root", {
        message: result?.error === "CredentialsSignin" || !result ? WRONG_CREDENTIALS : "Sign-in failed. Try again.",
      });
      form.setValue("password", "");
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <TextField label="Email" type="email" autoComplete="username" autoFocus error={errors.email?.message} {...form.register("email")} />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register("password")}
      />
      <FormError message={errors.root?.message} />
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
