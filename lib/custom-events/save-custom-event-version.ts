import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { actorStaffId } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { assertValidDefinition } from "@/lib/custom-events/check-definition";
import { ZSaveCustomEventInput, type TSaveCustomEventInput } from "@/lib/custom-events/schemas";
import { findWorkflowsUsingFields } from "@/lib/workflows/find-workflows-using-fields";
import { diffSchemas } from "@/lib/schemas/schema-diff";
import type { TJsonSchema } from "@/lib/schemas/types";
import type { Prisma } from "@/lib/generated/prisma/client";

// Saving an event's schema creates a new immutable version and makes it current. A breaking
// change (a field removed or renamed, a type changed or narrowed, a field newly required, an
// enum value removed) is refused unless confirmed, naming the workflows that read those fields.

export async function saveCustomEventVersion({
  actor,
  input,
  note,
}: {
  actor: TActor;
  input: TSaveCustomEventInput;
  note?: string;
}) {
  const data = ZSaveCustomEventInput.parse(input);
  assertValidDefinition({ schema: data.schema, sample: data.sample });

  return db().$transaction(async (tx) => {
    // Lock the event row so that concurrent saves number their versions one after the other.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM custom_events WHERE name = ${data.name} FOR UPDATE`;
    if (!locked[0]) throw new AppError("not_found", { message: `There is no Custom Event named "${data.name}".` });
    const event = await tx.customEvent.findUniqueOrThrow({ where: { id: locked[0].id }, include: { currentVersion: true } });
    const current = event.currentVersion!;

    if (data.baseVersion != null && data.baseVersion !== current.version) {
      throw new AppError("conflict", {
        message: `Version ${current.version} was saved by ${current.createdByName} after you opened version ${data.baseVersion}. Reload to see it, then apply your changes again.`,
      });
    }

    // Order-sensitive on purpose: property order is the generated form's field order.
    const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
    const unchanged = same(current.schema, data.schema) && same(current.uiSchema, data.uiSchema) && same(current.sample, data.sample);
    if (unchanged) {
      if (event.description === data.description) return { event, version: current, created: false };
      const updated = await tx.customEvent.update({ where: { id: event.id }, data: { description: data.description } });
      return { event: updated, version: current, created: false };
    }

    const breaking = diffSchemas(current.schema as TJsonSchema, data.schema).filter((c) => c.breaking);
    if (breaking.length && !data.confirmBreaking) {
      const workflows = await findWorkflowsUsingFields({ customEventId: event.id, fields: breaking.map((c) => c.path) });
      const used = workflows.length ? ` Workflows using these fields: ${workflows.map((w) => w.name).join(", ")}.` : "";
      throw new AppError("conflict", {
        message: `This change breaks callers: ${breaking.map((c) => c.message).join("; ")}.${used} Confirm to save it anyway.`,
        details: breaking.map((c) => ({ path: c.path, message: c.message, keyword: c.kind })),
      });
    }

    const version = await tx.customEventVersion.create({
      data: {
        customEventId: event.id,
        version: current.version + 1,
        schema: data.schema as Prisma.InputJsonValue,
        uiSchema: (data.uiSchema ?? undefined) as Prisma.InputJsonValue | undefined,
        sample: (data.sample ?? undefined) as Prisma.InputJsonValue | undefined,
        note: note ?? null,
        createdById: actorStaffId(actor),
        createdByName: actor.name,
      },
    });
    const updated = await tx.customEvent.update({
      where: { id: event.id },
      data: { currentVersionId: version.id, description: data.description },
    });
    return { event: updated, version, created: true };
  });
}
