// GET /api/ready - readiness: database reachable, migrations applied, a job worker alive
import { checkReadiness } from "@/lib/health/check-readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness().catch(() => ({
    ready: false,
    checks: { database: false, migrations: false, worker: false },
    message: "The database is unreachable.",
  }));
  return Response.json(
    { status: readiness.ready ? "ready" : "not_ready", ...readiness },
    { status: readiness.ready ? 200 : 503, headers: readiness.ready ? {} : { "Retry-After": "5" } },
  );
}
