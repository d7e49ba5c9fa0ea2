import { redirect } from "next/navigation";
import { getCurrentStaff } from "@/lib/auth/require-role";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { isSetupComplete } from "@/lib/staff/create-first-admin";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (!(await isSetupComplete())) redirect("/setup");
  if (await getCurrentStaff()) redirect(callbackUrl);
  return (
    <AuthCard title="Sign in" description="Staff access to Custom Events.">
      <SignInForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
