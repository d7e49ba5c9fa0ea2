import { requirePageRole } from "@/lib/auth/require-role";
import { EmptyState, PageHeader } from "@/components/shell/empty-state";

export const metadata = { title: "Forms" };

export default async function Page() {
  await requirePageRole("OPERATOR");
  return (
    <>
      <PageHeader title="Forms" description="Fire events from forms generated from their schema." />
      <EmptyState title="No forms enabled">Enable a form on an event to let staff fire it from here, without writing any UI.</EmptyState>
    </>
  );
}
