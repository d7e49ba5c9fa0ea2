import Link from "next/link";
import type { ReactNode } from "react";
import { hasRole, type TStaffSession } from "@/lib/auth/require-role";
import { NavLinks, type TNavItem } from "@/components/shell/nav-links";
import { SignOutButton } from "@/components/shell/sign-out-button";

const OPERATOR_ITEMS: TNavItem[] = [
  { href: "/", label: "Dashboard" },
  { href: "/events", label: "Events" },
  { href: "/workflows", label: "Workflows" },
  { href: "/event-log", label: "Event log" },
  { href: "/runs", label: "Runs" },
  { href: "/forms", label: "Forms" },
  { href: "/end-users", label: "End users" },
  { href: "/api-reference", label: "API reference" },
];
const ADMIN_ITEMS: TNavItem[] = [
  { href: "/api-keys", label: "API keys" },
  { href: "/settings", label: "Settings" },
];

export function AppShell({ user, children }: { user: TStaffSession; children: ReactNode }) {
  const items = hasRole(user, "ADMIN") ? [...OPERATOR_ITEMS, ...ADMIN_ITEMS] : OPERATOR_ITEMS;
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-60 shrink-0 flex-col border-r border-slate-200 bg-white">
        <Link href="/" className="flex items-center gap-2 px-5 py-5 text-base font-semibold text-slate-900">
          <span aria-hidden className="inline-block h-6 w-6 rounded-md bg-brand-600" />
          Custom Events
        </Link>
        <nav aria-label="Main" className="flex-1 px-3">
          <NavLinks items={items} />
        </nav>
        <div className="border-t border-slate-200 px-3 py-4">
          <p className="truncate px-3 text-sm font-medium text-slate-900" data-testid="current-user">
            {user.name}
          </p>
          <p className="truncate px-3 text-xs text-slate-500">
            {user.email} · {user.role === "ADMIN" ? "Admin" : "Operator"}
          </p>
          <div className="mt-2">
            <SignOutButton />
          </div>
        </div>
      </aside>
      <main className="min-w-0 flex-1 px-8 py-8">{children}</main>
    </div>
  );
}
