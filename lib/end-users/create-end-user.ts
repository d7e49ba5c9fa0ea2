import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { translatePrismaError } from "@/lib/errors/app-error";
import { ZCreateEndUserInput, type TCreateEndUserInput } from "@/lib/end-users/schemas";

/** Creates an end user; without a userId one is generated (usr_ + 20 hex characters). */
export async function createEndUser(input: TCreateEndUserInput) {
  const data = ZCreateEndUserInput.parse(input);
  const userId = data.userId ?? `usr_${randomBytes(10).toString("hex")}`;
  try {
    return await db().endUser.create({
      data: { userId, username: data.username || null, fullName: data.fullName || null },
    });
  } catch (error) {
    translatePrismaError(error, `An end user with userId "${userId}"`);
  }
}
