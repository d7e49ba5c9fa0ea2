import { requirePageRole } from "@/lib/auth/require-role";
import { EmptyState, PageHeader } from "@/components/shell/empty-state";

export const metadata = { title: "API keys" };

export default async function Page() {
  await requirePageRole("ADMIN");
  return (
    <>
      <PageHeader title="API keys" description="Keys your application uses to call POST /run/event." />
      <EmptyState title="No API keys yet">Create a key for each application or environment that fires events. The secret is shown once; only its hash is kept.</EmptyState>
    </>
  );
}
