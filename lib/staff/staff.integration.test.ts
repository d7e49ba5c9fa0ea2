import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticateStaffUser } from "./authenticate-staff-user";
import { createFirstAdmin, isSetupComplete } from "./create-first-admin";
import { createStaffUser } from "./create-staff-user";
import { updateStaffUser } from "./update-staff-user";

const unique = () => Math.random().toString(36).slice(2, 10);

// This file's database starts empty of staff users (one database per test file), so the
// one-time setup is tested first.
describe("first admin setup", () => {
  it("creates exactly one admin even when two setups race, then refuses", async () => {
    expect(await isSetupComplete()).toBe(false);
    const attempts = await Promise.allSettled([
      createFirstAdmin({ email: "First@Example.com", name: "First", password: "first-admin-password" }),
      createFirstAdmin({ email: "second@example.com", name: "Second", password: "second-admin-password" }),
    ]);
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const rejected = attempts.find((a) => a.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "conflict", message: "Setup is already complete. Sign in instead." });
    const admins = await db().staffUser.findMany({ where: { role: "ADMIN" } });
    expect(admins).toHaveLength(1);
    expect(await isSetupComplete()).toBe(true);
  });
});

describe("staff users", () => {
  it("stores only an argon2id hash and never returns it by default", async () => {
    const email = `op-${unique()}@example.com`;
    const user = await createStaffUser({ email, name: "Op", password: "operator-password", role: "OPERATOR" });
    expect(user).not.toHaveProperty("passwordHash");
    const stored = await db().staffUser.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored.passwordHash).not.toContain("operator-password");
  });

  it("refuses a second account with the same email in any case", async () => {
    const email = `dup-${unique()}@example.com`;
    await createStaffUser({ email, name: "A", password: "operator-password", role: "OPERATOR" });
    await expect(
      createStaffUser({ email: email.toUpperCase(), name: "B", password: "operator-password", role: "ADMIN" }),
    ).rejects.toMatchObject({ code: "conflict", message: `A staff user with the email ${email} already exists.` });
  });

  it("rejects a short password with a specific message", async () => {
    await expect(
      createStaffUser({ email: `short-${unique()}@example.com`, name: "S", password: "short", role: "OPERATOR" }),
    ).rejects.toThrow("Use at least 12 characters.");
  });

  it("authenticates the right password only, and never a disabled account", async () => {
    const email = `auth-${unique()}@example.com`;
    const admin = await createStaffUser({ email: `a-${unique()}@example.com`, name: "A", password: "admin-password-1", role: "ADMIN" });
    const user = await createStaffUser({ email, name: "Auth", password: "right-password", role: "OPERATOR" });

    expect(await authenticateStaffUser({ email: ` ${email.toUpperCase()} `, password: "right-password" })).toMatchObject({
      id: user.id,
      role: "OPERATOR",
    });
    expect(await authenticateStaffUser({ email, password: "wrong-password" })).toBeNull();
    expect(await authenticateStaffUser({ email: `nobody-${unique()}@example.com`, password: "right-password" })).toBeNull();

    await updateStaffUser({ actorId: admin.id, userId: user.id, disabled: true });
    expect(await authenticateStaffUser({ email, password: "right-password" })).toBeNull();
    await updateStaffUser({ actorId: admin.id, userId: user.id, disabled: false });
    expect(await authenticateStaffUser({ email, password: "right-password" })).not.toBeNull();
  });

  it("records the last sign-in time", async () => {
    const email = `seen-${unique()}@example.com`;
    const user = await createStaffUser({ email, name: "Seen", password: "right-password", role: "OPERATOR" });
    expect(user.lastSignInAt).toBeNull();
    await authenticateStaffUser({ email, password: "right-password" });
    const after = await db().staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.lastSignInAt).toBeInstanceOf(Date);
  });

  it("changes roles, but never removes the last enabled admin or lets you demote yourself", async () => {
    const [onlyAdmin] = await db().staffUser.findMany({ where: { role: "ADMIN", disabledAt: null } });
    // Disable every other admin so that one admin remains.
    const others = await db().staffUser.findMany({ where: { role: "ADMIN", id: { not: onlyAdmin!.id } } });
    for (const other of others) await db().staffUser.update({ where: { id: other.id }, data: { disabledAt: new Date() } });

    const operator = await createStaffUser({ email: `p-${unique()}@example.com`, name: "P", password: "operator-password", role: "OPERATOR" });
    await expect(updateStaffUser({ actorId: onlyAdmin!.id, userId: onlyAdmin!.id, role: "OPERATOR" })).rejects.toMatchObject({
      code: "conflict",
      message: "You cannot demote or disable your own account.",
    });
    await expect(updateStaffUser({ actorId: operator.id, userId: onlyAdmin!.id, disabled: true })).rejects.toMatchObject({
      code: "conflict",
      message: "At least one enabled admin must remain.",
    });

    const promoted = await updateStaffUser({ actorId: onlyAdmin!.id, userId: operator.id, role: "ADMIN" });
    expect(promoted?.role).toBe("ADMIN");
    // With a second admin, the first may now be demoted by the other.
    const demoted = await updateStaffUser({ actorId: operator.id, userId: onlyAdmin!.id, role: "OPERATOR" });
    expect(demoted?.role).toBe("OPERATOR");
  });

  it("answers not found for an unknown user", async () => {
    const admin = await createStaffUser({ email: `x-${unique()}@example.com`, name: "X", password: "admin-password-1", role: "ADMIN" });
    await expect(
      updateStaffUser({ actorId: admin.id, userId: "00000000-0000-4000-8000-000000000000", role: "ADMIN" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
