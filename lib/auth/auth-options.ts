import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticateStaffUser } from "@/lib/staff/authenticate-staff-user";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

// Staff sign in with email and password (next-auth credentials provider, JWT sessions in an
// httpOnly cookie, Secure when APP_URL is https). The token carries only the user id: every
// request re-reads the user's role and enabled state from the database (see require-role.ts),
// so a role change or a disable takes effect at once.

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export function authOptions(): NextAuthOptions {
  return {
    secret: env().AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        async authorize(credentials) {
          const email = credentials?.email;
          const password = credentials?.password;
          if (typeof email !== "string" || typeof password !== "string" || !email || !password) return null;
          if (email.length > 254 || password.length > 200) return null;
          const user = await authenticateStaffUser({ email, password });
          return user ? { id: user.id, email: user.email, name: user.name } : null;
        },
      }),
    ],
    // next-auth's messages go to the app's structured log. A session cookie it cannot read
    // (expired secret, forged, from another install) only means "sign in again": not an error.
    logger: {
      error(code, metadata) {
        const err = metadata instanceof Error ? metadata : metadata.error;
        if (code === "JWT_SESSION_ERROR") logger().info({ code, reason: err?.message }, "ignored an unreadable session cookie");
        else logger().error({ code, err }, "next-auth error");
      },
      warn(code) {
        logger().warn({ code }, "next-auth warning");
      },
      debug() {},
    },
    callbacks: {
      async jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub } };
      },
    },
  };
}
