import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { translatePrismaError } from "@/lib/errors/app-error";
import { logger } from "@/lib/logger";

/** Deletes a connection; steps that need it then fail with connection_missing until one is added again. */
export async function deleteConnection({ actor, id }: { actor: TActor; id: string }) {
  try {
    const deleted = await db().connection.delete({ where: { id }, select: { id: true, connector: true, endUserId: true } });
    logger().info({ connector: deleted.connector, endUserId: deleted.endUserId, actor: actor.name }, "connection deleted");
    return deleted;
  } catch (error) {
    translatePrismaError(error, "That connection");
  }
}
