import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/require-role";
import { getEndUserOrThrow } from "@/lib/end-users/get-end-user";
import { listFiredEvents } from "@/lib/events/list-fired-events";
import { isAppError } from "@/lib/errors/app-error";
import { PageHeader } from "@/components/shell/empty-state";
import { EventLogTable } from "@/components/events/event-log-table";

export default async function EndUserPage({ params }: { params: Promise<{ userId: string }> }) {
  await requirePageRole("OPERATOR");
  const userId = decodeURIComponent((await params).userId);
  const user = await getEndUserOrThrow(userId).catch((error) => {
    if (isAppError(error) && error.code === "end_user_not_found") notFound();
    throw error;
  });
  const events = await listFiredEvents({ userId, page: 1 });
  return (
    <>
      <PageHeader title={user.fullName ?? user.userId} description={`userId ${user.userId}${user.username ? ` · username ${user.username}` : ""}`}>
        <Link href={`/event-log?userId=${encodeURIComponent(user.userId)}`} className="text-sm text-brand-700 hover:underline">All events of this user</Link>
      </PageHeader>
      <h2 className="mb-3 text-base font-semibold">Recent events</h2>
      <EventLogTable items={events.items} total={events.total} page={1} pageCount={events.pageCount} query={{ userId: user.userId }} />
    </>
  );
}
