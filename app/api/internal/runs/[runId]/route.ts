// GET /api/internal/runs/{runId} - the run page's data, for its live refresh (staff session)
import { getRunOrThrow } from "@/lib/runs/get-run";
import { serializeRunDetail } from "@/lib/runs/serialize-run";
import { withStaffRoute } from "@/lib/http/with-staff-route";

export const dynamic = "force-dynamic";

export const GET = withStaffRoute<{ runId: string }>("OPERATOR", async ({ params }) => {
  return Response.json(serializeRunDetail(await getRunOrThrow(params.runId)));
});
