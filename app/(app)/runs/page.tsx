import { requirePageRole } from "@/lib/auth/require-role";
import { EmptyState, PageHeader } from "@/components/shell/empty-state";

export const metadata = { title: "Runs" };

export default async function Page() {
  await requirePageRole("OPERATOR");
  return (
    <>
      <PageHeader title="Runs" description="Every workflow run, step by step." />
      <EmptyState title="No runs yet">Runs appear here when your application fires an event with POST /run/event, or staff submit a form.</EmptyState>
    </>
  );
}
