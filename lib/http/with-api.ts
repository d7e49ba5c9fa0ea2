import "server-only";
import type { NextRequest } from "next/server";
import { authenticateApiKey, type TAuthenticatedKey } from "@/lib/api-keys/authenticate-api-key";
import { errorResponse } from "@/lib/http/api-error-response";

// One wrapper for public API route handlers (house style 8): it owns API-key authentication,
// the request id and the error response, so handlers hold only their own logic.

export type TApiContext<P> = { request: NextRequest; apiKey: TAuthenticatedKey; params: P; requestId: string };

export function withApi<P = Record<string, never>>(handler: (context: TApiContext<P>) => Promise<Response>) {
  return async (request: NextRequest, routeContext: { params: Promise<P> }): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") ?? crypto.randomUUID();
    try {
      const apiKey = await authenticateApiKey(request.headers.get("authorization"));
      const params = (await routeContext?.params) ?? ({} as P);
      const response = await handler({ request, apiKey, params, requestId });
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
}
