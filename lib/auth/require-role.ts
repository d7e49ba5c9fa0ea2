import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/auth-options";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { TStaffRole } from "@/lib/staff/schemas";

// Authorization lives here and runs on the server for every page, action and route that needs
// it. An ADMIN can do everything an OPERATOR can.

export type TStaffSession = { id: string; email: string; name: string; role: TStaffRole };

const RANK: Record<TStaffRole, number> = { OPERATOR: 1, ADMIN: 2 };

export function hasRole(user: Pick<TStaffSession, "role">, role: TStaffRole) {
  return RANK[user.role] >= RANK[role];
}

/** The signed-in, enabled staff user of this request, or null. Cached per request. */
export const getCurrentStaff = cache(async (): Promise<TStaffSession | null> => {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await db().staffUser.findUnique({ where: { id } });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For server actions and route handlers: throws an AppError (401/403) when not allowed. */
export async function requireRole(role: TStaffRole): Promise<TStaffSession> {
  const user = await getCurrentStaff();
  if (!user) throw new AppError("unauthenticated", { message: "Sign in to continue." });
  if (!hasRole(user, role)) {
    throw new AppError("forbidden", { message: `This needs the ${role.toLowerCase()} role.` });
  }
  return user;
}

/** For pages: sends signed-out visitors to sign in, and renders the 403 page for a missing role. */
export async function requirePageRole(role: TStaffRole, returnTo?: string): Promise<TStaffSession> {
  const user = await getCurrentStaff();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  if (!hasRole(user, role)) forbidden();
  return user;
}
