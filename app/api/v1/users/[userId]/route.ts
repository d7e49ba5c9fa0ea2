// GET /api/v1/users/{userId} - one end user
import { getEndUserOrThrow } from "@/lib/end-users/get-end-user";
import { serializeEndUser } from "@/lib/end-users/serialize-end-user";
import { withApi } from "@/lib/http/with-api";

export const dynamic = "force-dynamic";

export const GET = withApi<{ userId: string }>(async ({ params }) => {
  return Response.json(serializeEndUser(await getEndUserOrThrow(decodeURIComponent(params.userId))));
});
