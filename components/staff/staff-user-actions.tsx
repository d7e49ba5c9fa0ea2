"use client";

import { changeStaffRoleAction, setStaffDisabledAction } from "@/lib/staff/actions";
import { Button } from "@/components/ui/button";
import { InlineError } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";

export function StaffUserActions({
  userId,
  email,
  role,
  disabled,
}: {
  userId: string;
  email: string;
  role: "ADMIN" | "OPERATOR";
  disabled: boolean;
}) {
  const { pending, error, run } = useAction();

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex justify-end gap-2">
        <Button
          variant="secondary"
          disabled={pending}
          aria-label={`Make ${email} ${role === "ADMIN" ? "an operator" : "an admin"}`}
          onClick={() => run(() => changeStaffRoleAction(userId, role === "ADMIN" ? "OPERATOR" : "ADMIN"))}
        >
          {role === "ADMIN" ? "Make operator" : "Make admin"}
        </Button>
        <Button
          variant={disabled ? "secondary" : "danger"}
          disabled={pending}
          aria-label={`${disabled ? "Enable" : "Disable"} ${email}`}
          onClick={() => run(() => setStaffDisabledAction(userId, !disabled))}
        >
          {disabled ? "Enable" : "Disable"}
        </Button>
      </div>
      <InlineError message={error} />
    </div>
  );
}
