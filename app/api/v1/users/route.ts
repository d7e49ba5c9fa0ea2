// GET|POST /api/v1/users - list end users (paginated) or create one
import { createEndUser } from "@/lib/end-users/create-end-user";
import { listEndUsers } from "@/lib/end-users/list-end-users";
import { ZCreateEndUserInput } from "@/lib/end-users/schemas";
import { serializeEndUser } from "@/lib/end-users/serialize-end-user";
import { env } from "@/lib/env";
import { parseInput, parsePagination } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withApi } from "@/lib/http/with-api";

export const dynamic = "force-dynamic";

export const GET = withApi(async ({ request }) => {
  const { page, pageSize } = parsePagination(request.nextUrl.searchParams);
  const { items, total, pageCount } = await listEndUsers({ page, pageSize });
  return Response.json({ data: items.map(serializeEndUser), page, pageSize, total, pageCount });
});

export const POST = withApi(async ({ request }) => {
  const input = parseInput(ZCreateEndUserInput, await readJsonBody(request, env().MAX_BODY_BYTES));
  const user = await createEndUser(input);
  return Response.json(serializeEndUser(user), { status: 201 });
});
