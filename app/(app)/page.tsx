import Link from "next/link";
import { requirePageRole } from "@/lib/auth/require-role";
import { getRunStats } from "@/lib/runs/get-run-stats";
import { PageHeader } from "@/components/shell/empty-state";
import { RunStatsPanel } from "@/components/dashboard/run-stats-panel";

export const metadata = { title: "Dashboard" };

const STEPS = [
  { href: "/events", title: "Define a Custom Event", text: "Name it (create_invoice) and describe its data with a schema." },
  { href: "/workflows", title: "Build a workflow", text: "Trigger it with the event and map the event's fields into a connector action." },
  { href: "/api-keys", title: "Create an API key", text: "Your application calls POST /run/event with it." },
  { href: "/runs", title: "Watch the runs", text: "Every run, step by step, with retry and replay." },
];

export default async function DashboardPage() {
  const user = await requirePageRole("OPERATOR");
  const now = new Date();
  const stats = await getRunStats({ now });
  // The chart's first hour: links from the panel list the same runs it counts.
  const since = stats.hours[0]?.hour ?? new Date(now.getTime() - 24 * 3_600_000).toISOString();
  return (
    <>
      <PageHeader title={`Welcome, ${user.name}`} description="Your application decides when workflows run, and with what data." />
      <RunStatsPanel stats={stats} since={since} />
      <section aria-labelledby="getting-started" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="getting-started" className="text-base font-semibold">
          Getting started
        </h2>
        <ol className="mt-4 grid gap-4 sm:grid-cols-2">
          {STEPS.map((step, index) => (
            <li key={step.href} className="rounded-md border border-slate-200 p-4">
              <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Step {index + 1}</p>
              <Link href={step.href} className="mt-1 block font-medium text-brand-700 hover:underline">
                {step.title}
              </Link>
              <p className="mt-1 text-sm text-slate-600">{step.text}</p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
