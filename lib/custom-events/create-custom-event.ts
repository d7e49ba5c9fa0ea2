import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { actorStaffId } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { translatePrismaError } from "@/lib/errors/app-error";
import { assertValidDefinition } from "@/lib/custom-events/check-definition";
import { ZSaveCustomEventInput, type TSaveCustomEventInput } from "@/lib/custom-events/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";

export async function createCustomEvent({ actor, input }: { actor: TActor; input: TSaveCustomEventInput }) {
  const data = ZSaveCustomEventInput.parse(input);
  assertValidDefinition({ name: data.name, schema: data.schema, sample: data.sample });
  try {
    return await db().$transaction(async (tx) => {
      const event = await tx.customEvent.create({ data: { name: data.name, description: data.description } });
      const version = await tx.customEventVersion.create({
        data: {
          customEventId: event.id,
          version: 1,
          schema: data.schema as Prisma.InputJsonValue,
          uiSchema: (data.uiSchema ?? undefined) as Prisma.InputJsonValue | undefined,
          sample: (data.sample ?? undefined) as Prisma.InputJsonValue | undefined,
          createdById: actorStaffId(actor),
          createdByName: actor.name,
        },
      });
      return tx.customEvent.update({
        where: { id: event.id },
        data: { currentVersionId: version.id },
        include: { currentVersion: true },
      });
    });
  } catch (error) {
    translatePrismaError(error, `A Custom Event named "${data.name}"`);
  }
}
