import { requirePageRole } from "@/lib/auth/require-role";
import { EmptyState, PageHeader } from "@/components/shell/empty-state";

export const metadata = { title: "End users" };

export default async function Page() {
  await requirePageRole("OPERATOR");
  return (
    <>
      <PageHeader title="End users" description="The users of your product that workflows run for (the userId of POST /run/event)." />
      <EmptyState title="No end users yet">End users are created through the API (POST /api/v1/users) or from this page.</EmptyState>
    </>
  );
}
