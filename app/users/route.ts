// GET|POST /users - the path of the API this product follows; same handlers as /api/v1/users
export { GET, POST } from "@/app/api/v1/users/route";

export const dynamic = "force-dynamic";
