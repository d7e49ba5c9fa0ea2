import { notFound } from "next/navigation";
import { requirePageRole } from "@/lib/auth/require-role";
import { isAppError } from "@/lib/errors/app-error";
import { getRunOrThrow } from "@/lib/runs/get-run";
import { serializeRunDetail } from "@/lib/runs/serialize-run";
import { RunDetail } from "@/components/runs/run-detail";

export const metadata = { title: "Run" };

export default async function RunPage({ params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  await requirePageRole("OPERATOR", `/runs/${encodeURIComponent(runId)}`);
  const run = await getRunOrThrow(runId).catch((error) => {
    if (isAppError(error) && error.code === "run_not_found") notFound();
    throw error;
  });
  return <RunDetail initial={serializeRunDetail(run)} />;
}
