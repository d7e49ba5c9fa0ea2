// GET /api/v1/custom-events/{name} - one Custom Event with its current schema
import { getCustomEventOrThrow } from "@/lib/custom-events/get-custom-event";
import { serializeCustomEvent } from "@/lib/custom-events/serialize-custom-event";
import { withApi } from "@/lib/http/with-api";

export const dynamic = "force-dynamic";

export const GET = withApi<{ name: string }>(async ({ params }) => {
  const event = await getCustomEventOrThrow(decodeURIComponent(params.name));
  return Response.json(serializeCustomEvent(event));
});
