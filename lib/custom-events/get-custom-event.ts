import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

export async function getCustomEventOrThrow(name: string) {
  const event = await db().customEvent.findUnique({ where: { name }, include: { currentVersion: true } });
  if (!event || !event.currentVersion) {
    throw new AppError("not_found", { message: `There is no Custom Event named "${name}".` });
  }
  return { ...event, currentVersion: event.currentVersion };
}

export type TCustomEventWithVersion = Awaited<ReturnType<typeof getCustomEventOrThrow>>;
