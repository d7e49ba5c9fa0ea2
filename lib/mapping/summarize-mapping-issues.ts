import type { TMappingIssue } from "./types";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Short lines for the top of the mapping editor: "2 required fields unmapped", "1 other error", "1 warning". */
export function summarizeMappingIssues(issues: readonly TMappingIssue[]): string[] {
  const required = issues.filter((i) => i.code === "required_unmapped").length;
  const errors = issues.filter((i) => i.severity === "error" && i.code !== "required_unmapped").length;
  const warnings = issues.filter((i) => i.severity === "warning").length;
  const lines: string[] = [];
  if (required) lines.push(`${plural(required, "required field", "required fields")} unmapped`);
  if (errors) lines.push(plural(errors, required ? "other error" : "error", required ? "other errors" : "errors"));
  if (warnings) lines.push(plural(warnings, "warning", "warnings"));
  return lines;
}
