import type { TMappingSource } from "./types";

const MAX_LENGTH = 80;
const shorten = (text: string) => (text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text);

/** A one-line description of a source for read-only views: "event /invoiceAmount", "constant 1", "expression data.a + 1". */
export function describeMappingSource(source: TMappingSource | undefined): string {
  if (!source) return "not mapped";
  switch (source.source) {
    case "event":
      return `event ${source.path || "(all data)"}`;
    case "constant":
      return `constant ${shorten(source.value === undefined ? "(empty)" : JSON.stringify(source.value))}`;
    case "expression":
      return `expression ${shorten(source.expression.replace(/\s+/g, " ").trim())}`;
    default: {
      const unknown: never = source;
      return `unknown source ${shorten(JSON.stringify(unknown))}`;
    }
  }
}
