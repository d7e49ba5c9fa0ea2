import "server-only";
import type { NextRequest } from "next/server";
import { requireRole, type TStaffSession } from "@/lib/auth/require-role";
import { errorResponse } from "@/lib/http/api-error-response";
import type { TStaffRole } from "@/lib/staff/schemas";

// The admin app's own JSON routes (/api/internal/...), which its pages poll: the staff session
// and role are checked here, errors answered like the public API's, and nothing is cached.

export type TStaffRouteContext<P> = { request: NextRequest; params: P; staff: TStaffSession };

export function withStaffRoute<P = Record<string, never>>(role: TStaffRole, handler: (context: TStaffRouteContext<P>) => Promise<Response>) {
  return async (request: NextRequest, routeContext: { params: Promise<P> }): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
    try {
      const staff = await requireRole(role);
      const params = (await routeContext?.params) ?? ({} as P);
      const response = await handler({ request, params, staff });
      response.headers.set("cache-control", "no-store");
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      return errorResponse(error, requestId, { "cache-control": "no-store" });
    }
  };
}
