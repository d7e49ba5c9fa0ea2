import Link from "next/link";
import { notFound } from "next/navigation";
import { hasRole, requirePageRole } from "@/lib/auth/require-role";
import { listConnections } from "@/lib/connections/list-connections";
import { getEndUserOrThrow } from "@/lib/end-users/get-end-user";
import { listFiredEvents } from "@/lib/events/list-fired-events";
import { isAppError } from "@/lib/errors/app-error";
import { PageHeader } from "@/components/shell/empty-state";
import { ConnectionsPanel } from "@/components/connections/connections-panel";
import { EventLogTable } from "@/components/events/event-log-table";

export default async function EndUserPage({ params }: { params: Promise<{ userId: string }> }) {
  const staff = await requirePageRole("OPERATOR");
  const userId = decodeURIComponent((await params).userId);
  const user = await getEndUserOrThrow(userId).catch((error) => {
    if (isAppError(error) && error.code === "end_user_not_found") notFound();
    throw error;
  });
  const [events, connections] = await Promise.all([listFiredEvents({ userId, page: 1 }), listConnections({ endUserId: user.id })]);
  return (
    <>
      <PageHeader title={user.fullName ?? user.userId} description={`userId ${user.userId}${user.username ? ` · username ${user.username}` : ""}`}>
        <Link href={`/event-log?userId=${encodeURIComponent(user.userId)}`} className="text-sm text-brand-700 hover:underline">All events of this user</Link>
      </PageHeader>
      <section aria-labelledby="connections" className="mb-8">
        <h2 id="connections" className="mb-3 text-base font-semibold">Connections</h2>
        <ConnectionsPanel endUserId={user.id} connections={connections} canEdit={hasRole(staff, "ADMIN")} />
      </section>
      <h2 className="mb-3 text-base font-semibold">Recent events</h2>
      <EventLogTable items={events.items} total={events.total} page={1} pageCount={events.pageCount} query={{ userId: user.userId }} />
    </>
  );
}
