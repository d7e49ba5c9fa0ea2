import { describe, expect, it } from "vitest";
import { runEventSnippets } from "./snippets";

const options = {
  baseUrl: "https://events.example.com/",
  eventName: "create_invoice",
  userId: "user_123",
  data: { id: "inv_0001", invoiceAmount: 1250, customer: { name: "O'Brien & Sons" } },
};

describe("runEventSnippets", () => {
  it("writes a curl command with the API key variable and shell-safe JSON", () => {
    expect(runEventSnippets(options).curl).toBe(
      [
        'curl -X POST "https://events.example.com/run/event" \\',
        '  -H "Authorization: bearer $CUSTOM_EVENTS_API_KEY" \\',
        '  -H "Content-Type: application/json" \\',
        "  -d '{",
        '  "event": "create_invoice",',
        '  "userId": "user_123",',
        '  "data": {',
        '    "id": "inv_0001",',
        '    "invoiceAmount": 1250,',
        '    "customer": {',
        "      \"name\": \"O'\\''Brien & Sons\"",
        "    }",
        "  }",
        "}'",
      ].join("\n"),
    );
  });

  it("writes a fetch call that throws with the API's message and code", () => {
    expect(runEventSnippets(options).typescript).toBe(`async function fireCreateInvoiceEvent() {
  const response = await fetch("https://events.example.com/run/event", {
    method: "POST",
    headers: {
      Authorization: \`bearer \${process.env.CUSTOM_EVENTS_API_KEY}\`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify({
      event: "create_invoice",
      userId: "user_123",
      data: {
        id: "inv_0001",
        invoiceAmount: 1250,
        customer: {
          name: "O'Brien & Sons",
        },
      },
    }),
  });
  if (!response.ok) {
    const error = await response.json().catch(() => ({}));
    throw new Error(\`\${error.message ?? response.statusText} (\${error.code ?? response.status})\`);
  }
  const { eventId, runs } = await response.json();
  return { eventId, runs };
}`);
  });

  it("quotes keys that are not identifiers and keeps arrays", () => {
    const { typescript } = runEventSnippets({ ...options, data: { "line-items": [{ sku: "A" }], empty: [] } });
    expect(typescript).toContain(`      data: {
        "line-items": [
          {
            sku: "A",
          },
        ],
        empty: [],
      },`);
  });
});
