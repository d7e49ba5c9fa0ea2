import { NextResponse, type NextRequest } from "next/server";

// A convenience only: sends visitors without a session cookie to sign in before rendering.
// It protects nothing; every page, action and route checks the role itself on the server.

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = "";
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") url.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(url);
}

export const config = {
  // Public paths: auth, setup, the API (key-authenticated), health checks and static files.
  matcher: ["/((?!api/|run/|users|sign-in|setup|_next/|favicon.ico).*)"],
};
