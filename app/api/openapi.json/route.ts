// GET /api/openapi.json - the OpenAPI 3.1 document of the public API
import { openApiDocument } from "@/lib/openapi/openapi-document";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return Response.json(openApiDocument(new URL(request.url).origin));
}
