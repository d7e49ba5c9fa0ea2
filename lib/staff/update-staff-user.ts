import "server-only";
import { db } from "@/lib/db";
import { AppError, translatePrismaError } from "@/lib/errors/app-error";
import type { TStaffRole } from "@/lib/staff/schemas";

// Changes a staff user's role or enabled state. The workspace must keep at least one enabled
// admin, and nobody may demote or disable themselves (they would lock themselves out mid-click).
export async function updateStaffUser({
  actorId,
  userId,
  role,
  disabled,
}: {
  actorId: string;
  userId: string;
  role?: TStaffRole;
  disabled?: boolean;
}) {
  if (actorId === userId && (role === "OPERATOR" || disabled === true)) {
    throw new AppError("conflict", { message: "You cannot demote or disable your own account." });
  }
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707371)`;
    const user = await tx.staffUser.findUnique({ where: { id: userId } });
    if (!user) throw new AppError("not_found", { message: "That staff user does not exist." });
    const losesAdmin =
      user.role === "ADMIN" && user.disabledAt === null && (role === "OPERATOR" || disabled === true);
    if (losesAdmin) {
      const otherAdmins = await tx.staffUser.count({
        where: { role: "ADMIN", disabledAt: null, id: { not: userId } },
      });
      if (otherAdmins === 0) {
        throw new AppError("conflict", { message: "At least one enabled admin must remain." });
      }
    }
    try {
      return await tx.staffUser.update({
        where: { id: userId },
        data: {
          ...(role ? { role } : {}),
          ...(disabled === undefined ? {} : { disabledAt: disabled ? (user.disabledAt ?? new Date()) : null }),
        },
      });
    } catch (error) {
      translatePrismaError(error, "That staff user");
    }
  });
}
