import "server-only";
import type { z } from "zod";
import type { TActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError, translatePrismaError, type TFieldError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";
import { CONNECTION_KINDS, CONNECTABLE_CONNECTORS, isConnectableConnector } from "@/lib/connections/connection-fields";
import { readConnectionSecrets, sealConnectionSecrets } from "@/lib/connections/read-connection-secrets";
import { connectionInputSchema, normalizeConnectionValue } from "@/lib/connections/schemas";
import { serializeConnection } from "@/lib/connections/serialize-connection";
import type { TConnectionSummary } from "@/lib/connections/types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function validationError(issues: z.core.$ZodIssue[]): AppError {
  const details: TFieldError[] = issues.map((issue) => ({
    path: `/${issue.path.map(String).join("/")}`,
    message: issue.message,
    keyword: issue.code,
  }));
  return new AppError("validation_failed", { message: details.map((d) => d.message).join(" "), details });
}

/**
 * Creates or updates the end user's connection for a connector (one per end user and
 * connector). Secret fields are sealed into `secrets`, the rest go to `config`. On update a
 * secret left blank keeps the stored one, so the admin app never needs to show a secret.
 */
export async function saveConnection({
  actor,
  endUserId,
  connector,
  name,
  values,
}: {
  actor: TActor;
  endUserId: string;
  connector: string;
  name: string;
  values: Record<string, string>;
}): Promise<TConnectionSummary> {
  if (!isConnectableConnector(connector)) {
    throw new AppError("validation_failed", {
      message: `Connector "${connector}" takes no connection; pick one of ${CONNECTABLE_CONNECTORS.join(", ")}.`,
      details: [{ path: "/connector", message: `Pick one of ${CONNECTABLE_CONNECTORS.join(", ")}.`, keyword: "enum" }],
    });
  }
  if (!UUID.test(endUserId) || !(await db().endUser.findUnique({ where: { id: endUserId }, select: { id: true } }))) {
    throw new AppError("end_user_not_found", { message: "That end user does not exist." });
  }

  const existing = await db().connection.findUnique({ where: { endUserId_connector: { endUserId, connector } } });
  const parsed = connectionInputSchema(connector, existing ? "update" : "create").safeParse({ ...values, name });
  if (!parsed.success) throw validationError(parsed.error.issues);

  const storedSecrets = existing ? readConnectionSecrets(existing.secrets) : {};
  const config: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const field of CONNECTION_KINDS[connector].fields) {
    const value = (parsed.data as Record<string, string | undefined>)[field.key] ?? "";
    if (!field.secret) {
      if (value !== "") config[field.key] = normalizeConnectionValue(field.key, value);
      continue;
    }
    if (value !== "") {
      secrets[field.key] = value;
      continue;
    }
    const kept = storedSecrets?.[field.key];
    if (kept) secrets[field.key] = kept;
    else if (field.required) {
      // Only when the stored secrets cannot be opened any more (ENCRYPTION_KEY changed).
      const message = `The stored ${field.label.toLowerCase()} can no longer be decrypted; enter it again.`;
      throw new AppError("validation_failed", { message, details: [{ path: `/${field.key}`, message, keyword: "required" }] });
    }
  }

  const data = { name: parsed.data.name, config: config as Prisma.InputJsonObject, secrets: sealConnectionSecrets(secrets) };
  try {
    const row = existing
      ? await db().connection.update({ where: { id: existing.id }, data })
      : await db().connection.create({ data: { ...data, endUserId, connector } });
    logger().info({ connector, endUserId, actor: actor.name, created: !existing }, "connection saved");
    return serializeConnection(row)!;
  } catch (error) {
    translatePrismaError(error, `A ${CONNECTION_KINDS[connector].name} connection for this end user`);
  }
}
