import "server-only";
import { db } from "@/lib/db";
import { buildRunWhere } from "@/lib/runs/build-run-where";
import { FINISHED_RUN_STATUSES, type TRunListFilter } from "@/lib/runs/schemas";

/** How many runs a bulk replay of this filter would replay now: the finished ones. */
export async function countReplayableRuns({ filter }: { filter: TRunListFilter }) {
  return db().run.count({ where: { AND: [buildRunWhere(filter), { status: { in: [...FINISHED_RUN_STATUSES] } }] } });
}
