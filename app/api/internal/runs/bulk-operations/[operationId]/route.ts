// GET /api/internal/runs/bulk-operations/{operationId} - a bulk replay's progress (staff session)
import { getBulkOperationOrThrow } from "@/lib/runs/get-bulk-operation";
import { withStaffRoute } from "@/lib/http/with-staff-route";

export const dynamic = "force-dynamic";

export const GET = withStaffRoute<{ operationId: string }>("OPERATOR", async ({ params }) => {
  return Response.json(await getBulkOperationOrThrow(params.operationId));
});
