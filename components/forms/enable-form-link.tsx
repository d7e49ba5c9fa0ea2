"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** On the "form not enabled" page: the event's settings, where an admin turns its form on. */
export function EnableFormLink() {
  // A not-found page gets no params; the event's name is the last segment of /forms/{eventName}.
  const segment = usePathname().split("/").filter(Boolean).at(-1);
  if (!segment) return null;
  return (
    <Link href={`/events/${segment}#form-settings`} className="text-brand-700 hover:underline">
      Enable it on the event&apos;s page
    </Link>
  );
}
