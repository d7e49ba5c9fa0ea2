// GET /api/v1/runs/{runId} - one run with every step of its workflow version
import { withApi } from "@/lib/http/with-api";
import { getRunOrThrow } from "@/lib/runs/get-run";
import { serializeRunForApi } from "@/lib/runs/serialize-run";

export const dynamic = "force-dynamic";

export const GET = withApi<{ runId: string }>(async ({ params }) => {
  return Response.json(serializeRunForApi(await getRunOrThrow(params.runId)));
});
