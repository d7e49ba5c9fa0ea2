// GET /api/internal/runs - a page of the runs list, for its live refresh (staff session)
import { listRuns } from "@/lib/runs/list-runs";
import { ZRunListQuery } from "@/lib/runs/schemas";
import { withStaffRoute } from "@/lib/http/with-staff-route";

export const dynamic = "force-dynamic";

export const GET = withStaffRoute("OPERATOR", async ({ request }) => {
  const { page, ...filter } = ZRunListQuery.parse(Object.fromEntries(request.nextUrl.searchParams));
  return Response.json(await listRuns({ filter, page }));
});
