// GET /api/v1/custom-events - list Custom Events with their current schema (paginated)
import { listCustomEvents } from "@/lib/custom-events/list-custom-events";
import { serializeCustomEvent } from "@/lib/custom-events/serialize-custom-event";
import { AppError } from "@/lib/errors/app-error";
import { withApi } from "@/lib/http/with-api";

export const dynamic = "force-dynamic";

export const GET = withApi(async ({ request }) => {
  const params = request.nextUrl.searchParams;
  const page = Number(params.get("page") ?? 1);
  const pageSize = Number(params.get("pageSize") ?? 50);
  if (!Number.isInteger(page) || page < 1) throw new AppError("bad_request", { message: "page must be a whole number of 1 or more." });
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    throw new AppError("bad_request", { message: "pageSize must be a whole number from 1 to 100." });
  }
  const includeArchived = params.get("includeArchived") === "true";
  const { items, total, pageCount } = await listCustomEvents({ page, pageSize, includeArchived });
  return Response.json({ data: items.map(serializeCustomEvent), page, pageSize, total, pageCount });
});
