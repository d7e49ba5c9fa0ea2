// GET /api/internal/runs/replay-count - how many runs a bulk replay of this filter would replay (staff session)
import { countReplayableRuns } from "@/lib/runs/count-replayable-runs";
import { ZRunListFilter } from "@/lib/runs/schemas";
import { withStaffRoute } from "@/lib/http/with-staff-route";

export const dynamic = "force-dynamic";

export const GET = withStaffRoute("OPERATOR", async ({ request }) => {
  const filter = ZRunListFilter.parse(Object.fromEntries(request.nextUrl.searchParams));
  return Response.json({ count: await countReplayableRuns({ filter }) });
});
