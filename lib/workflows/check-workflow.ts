import { getActionDescriptor } from "@/lib/connectors/catalog";
import { checkMapping } from "@/lib/mapping/check-mapping";
import type { TMappingIssue, TWorkflowStep } from "@/lib/mapping/types";

// What stands between a workflow and activation: the same checks the editor shows as you work
// (client-safe), re-run by the server before activating or saving an active workflow.

export type TStepIssues = { stepId: string; stepName: string; issues: TMappingIssue[] };

export function checkWorkflowSteps({ steps, eventSchema }: { steps: TWorkflowStep[]; eventSchema: object }): TStepIssues[] {
  return steps.map((step, index) => {
    const action = getActionDescriptor(step.action);
    if (!action) {
      return {
        stepId: step.id,
        stepName: step.name,
        issues: [{ target: "", severity: "error" as const, code: "unknown_target" as const, message: `Pick an action for "${step.name}".` }],
      };
    }
    const issues = checkMapping({
      mapping: step.mapping,
      targetSchema: action.inputSchema,
      eventSchema,
      earlierStepIds: steps.slice(0, index).map((s) => s.id),
    });
    return { stepId: step.id, stepName: step.name, issues };
  });
}

/** One sentence per blocking issue, or none. */
export function blockingProblems(result: TStepIssues[], stepCount: number): string[] {
  const problems = stepCount === 0 ? ["Add at least one step."] : [];
  for (const step of result) {
    for (const issue of step.issues) {
      if (issue.severity === "error") problems.push(`${step.stepName}: ${issue.message}`);
    }
  }
  return problems;
}
