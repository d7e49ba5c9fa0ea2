import { typeNameForEvent } from "./typescript-type";

export type TRunEventSnippetOptions = { baseUrl: string; eventName: string; userId: string; data: unknown };
export type TRunEventSnippets = { curl: string; typescript: string };

/** Copy-paste examples of firing an event through POST /run/event. */
export function runEventSnippets({ baseUrl, eventName, userId, data }: TRunEventSnippetOptions): TRunEventSnippets {
  const url = `${baseUrl.replace(/\/+$/, "")}/run/event`;
  return { curl: curlSnippet(url, eventName, userId, data), typescript: typescriptSnippet(url, eventName, userId, data) };
}

function curlSnippet(url: string, event: string, userId: string, data: unknown) {
  const body = JSON.stringify({ event, userId, data }, null, 2);
  return [
    `curl -X POST "${escapeForDoubleQuotes(url)}" \\`,
    `  -H "Authorization: bearer $CUSTOM_EVENTS_API_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${escapeForSingleQuotes(body)}'`,
  ].join("\n");
}

function typescriptSnippet(url: string, event: string, userId: string, data: unknown) {
  const functionName = `fire${typeNameForEvent(event)}`;
  const body = objectLiteral({ event, userId, data }, "    ");
  return `async function ${functionName}() {
  const response = await fetch(${JSON.stringify(url)}, {
    method: "POST",
    headers: {
      Authorization: \`bearer \${process.env.CUSTOM_EVENTS_API_KEY}\`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify(${body}),
  });
  if (!response.ok) {
    const error = await response.json().catch(() => ({}));
    throw new Error(\`\${error.message ?? response.statusText} (\${error.code ?? response.status})\`);
  }
  const { eventId, runs } = await response.json();
  return { eventId, runs };
}`;
}

// Inside '...' the shell takes everything literally except the closing quote itself, which is
// written as: close the quote, an escaped quote, reopen.
function escapeForSingleQuotes(text: string) {
  return text.replace(/'/g, `'\\''`);
}

function escapeForDoubleQuotes(text: string) {
  return text.replace(/["$`\\]/g, "\\$&");
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JSON value as a TypeScript literal: bare keys where possible and trailing commas, as Prettier writes it. */
function objectLiteral(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => `${inner}${objectLiteral(item, inner)},\n`).join("")}${indent}]`;
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const lines = entries.map(([key, child]) => `${inner}${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${objectLiteral(child, inner)},\n`);
    return `{\n${lines.join("")}${indent}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}
