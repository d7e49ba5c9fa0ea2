import { requirePageRole } from "@/lib/auth/require-role";
import { PageHeader } from "@/components/shell/empty-state";
import { SchemaEditor } from "@/components/custom-events/schema-editor";

export const metadata = { title: "New event" };

export default async function NewEventPage() {
  await requirePageRole("ADMIN");
  return (
    <>
      <PageHeader title="New Custom Event" description="Name the event and describe the data your application will send with it." />
      <SchemaEditor mode="create" />
    </>
  );
}
