import { requirePageRole } from "@/lib/auth/require-role";
import { EmptyState, PageHeader } from "@/components/shell/empty-state";

export const metadata = { title: "Workflows" };

export default async function Page() {
  await requirePageRole("OPERATOR");
  return (
    <>
      <PageHeader title="Workflows" description="Workflows run when an event fires, mapping its fields into connector actions." />
      <EmptyState title="No workflows yet">Once an event exists, build a workflow that it triggers: for example, create a NetSuite invoice from create_invoice.</EmptyState>
    </>
  );
}
