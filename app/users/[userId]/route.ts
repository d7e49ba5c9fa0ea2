// GET /users/{userId} - the path of the API this product follows; same handler as /api/v1/users/{userId}
export { GET } from "@/app/api/v1/users/[userId]/route";

export const dynamic = "force-dynamic";
