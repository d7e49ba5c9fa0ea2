// GET /api/v1/custom-events - list Custom Events with their current schema (paginated)
import { listCustomEvents } from "@/lib/custom-events/list-custom-events";
import { serializeCustomEvent } from "@/lib/custom-events/serialize-custom-event";
import { parsePagination } from "@/lib/http/parse-input";
import { withApi } from "@/lib/http/with-api";

export const dynamic = "force-dynamic";

export const GET = withApi(async ({ request }) => {
  const params = request.nextUrl.searchParams;
  const { page, pageSize } = parsePagination(params);
  const includeArchived = params.get("includeArchived") === "true";
  const { items, total, pageCount } = await listCustomEvents({ page, pageSize, includeArchived });
  return Response.json({ data: items.map(serializeCustomEvent), page, pageSize, total, pageCount });
});
