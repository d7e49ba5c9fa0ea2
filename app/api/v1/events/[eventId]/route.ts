// GET /api/v1/events/{eventId} - a fired event with its payload and the runs it started
import { getFiredEventOrThrow, serializeFiredEvent } from "@/lib/events/get-fired-event";
import { withApi } from "@/lib/http/with-api";

export const dynamic = "force-dynamic";

export const GET = withApi<{ eventId: string }>(async ({ params }) => {
  return Response.json(serializeFiredEvent(await getFiredEventOrThrow(params.eventId)));
});
