// GET /api/internal/end-users?search= - end users matching a search, for the forms' end-user picker (staff session)
import { searchEndUsers } from "@/lib/forms/search-end-users";
import { withStaffRoute } from "@/lib/http/with-staff-route";

export const dynamic = "force-dynamic";

export const GET = withStaffRoute("OPERATOR", async ({ request }) => {
  return Response.json(await searchEndUsers({ search: request.nextUrl.searchParams.get("search") ?? undefined }));
});
