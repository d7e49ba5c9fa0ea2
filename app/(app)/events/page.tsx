import { requirePageRole } from "@/lib/auth/require-role";
import { EmptyState, PageHeader } from "@/components/shell/empty-state";

export const metadata = { title: "Events" };

export default async function Page() {
  await requirePageRole("OPERATOR");
  return (
    <>
      <PageHeader title="Events" description="Custom Events are the contract between your application and its workflows." />
      <EmptyState title="No Custom Events yet">Define your first event, such as create_invoice, with the fields your application will send. The schema editor arrives with the next release of this page.</EmptyState>
    </>
  );
}
