import type { ReactNode } from "react";
import { requirePageRole } from "@/lib/auth/require-role";
import { AppShell } from "@/components/shell/app-shell";

export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requirePageRole("OPERATOR");
  return <AppShell user={user}>{children}</AppShell>;
}
