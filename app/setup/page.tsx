import { redirect } from "next/navigation";
import { isSetupComplete } from "@/lib/staff/create-first-admin";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";

export const metadata = { title: "Set up" };
export const dynamic = "force-dynamic";

// One-time: once any staff user exists this page only redirects, and the action refuses.
export default async function SetupPage() {
  if (await isSetupComplete()) redirect("/sign-in");
  return (
    <AuthCard title="Create the first admin" description="This page works once. Everyone else is added from Settings → Staff users.">
      <SetupForm />
    </AuthCard>
  );
}
