import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

export async function getEndUserOrThrow(userId: string) {
  const user = await db().endUser.findUnique({ where: { userId } });
  if (!user) {
    throw new AppError("end_user_not_found", { message: `There is no end user with userId "${userId}". Create it with POST /api/v1/users first.` });
  }
  return user;
}
