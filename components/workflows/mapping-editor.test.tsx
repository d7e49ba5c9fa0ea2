import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MappingEditor } from "@/components/workflows/mapping-editor";
import { NETSUITE_INVOICE_INPUT, ORDER_EVENT_SCHEMA } from "@/lib/mapping/test-schemas";
import type { TMapping } from "@/lib/mapping/types";

// jsdom is not installed: these render the editor to HTML and check what a user (or a screen
// reader) gets on first paint. Interactions are covered by the Playwright journey.

const render = (mapping: TMapping, extra: { readOnly?: boolean } = {}) =>
  renderToStaticMarkup(
    <MappingEditor
      targetSchema={NETSUITE_INVOICE_INPUT}
      eventSchema={ORDER_EVENT_SCHEMA}
      mapping={mapping}
      onChange={() => {}}
      earlierSteps={[{ id: "step_1", name: "Find customer" }]}
      {...extra}
    />,
  );

describe("MappingEditor (server render)", () => {
  it("shows the summary, a row per input field and draggable event fields", () => {
    const html = render({ "/externalId": { source: "event", path: "/id" }, "/memo": { source: "expression", expression: "data.invoiceNumber" } });
    expect(html).toContain("3 required fields unmapped");
    expect(html).toContain('data-testid="mapping-row-/externalId"');
    expect(html).toContain('data-testid="mapping-row-/item/items/0/amount"');
    expect(html).toContain('aria-label="Source for Amount"');
    expect(html).toContain('aria-label="Event field for External id"');
    expect(html).toContain('aria-label="Expression for memo"');
    expect(html).toContain("steps.step_1 (Find customer)");
    expect(html).toMatch(/draggable="true" data-testid="event-field-\/invoiceAmount"/);
    expect(html).toContain('aria-label="Pick Amount (/invoiceAmount)"');
    expect(html.match(/role="alert"/g)).toHaveLength(3);
    expect(html).toContain("&quot;Amount&quot; is required.");
  });

  it("types the constant inputs by the target's type", () => {
    const html = render({
      "/item/items/0/amount": { source: "constant", value: 12.5 },
      "/entity": { source: "constant", value: { id: "c1" } },
      "/tranDate": { source: "constant", value: "2026-01-31" },
    });
    expect(html).toMatch(/<input type="number" step="any" aria-label="Constant for Amount"[^>]*value="12.5"/);
    expect(html).toMatch(/<textarea aria-label="Constant for Customer"[^>]*>\{\n {2}&quot;id&quot;: &quot;c1&quot;\n\}<\/textarea>/);
    expect(html).toMatch(/<input type="date" aria-label="Constant for tranDate"[^>]*value="2026-01-31"/);
  });

  it("lists targets the action does not have, with a remove button", () => {
    const html = render({ "/currency": { source: "constant", value: "EUR" } });
    expect(html).toContain("Other mapped fields");
    expect(html).toContain('aria-label="Remove mapping for /currency"');
  });

  it("describes sources as text when read-only, without controls", () => {
    const html = render({ "/externalId": { source: "event", path: "/id" }, "/item/items/0/item/id": { source: "constant", value: "1001" } }, { readOnly: true });
    expect(html).toContain("event /id");
    expect(html).toContain("constant &quot;1001&quot;");
    expect(html).not.toContain("<select");
    expect(html).not.toContain('draggable="true"');
  });
});
