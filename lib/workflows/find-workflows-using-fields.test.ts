import { describe, expect, it } from "vitest";
import { eventFieldsUsedBySteps } from "./find-workflows-using-fields";

describe("eventFieldsUsedBySteps", () => {
  it("collects event paths from picked fields and JSONata expressions", () => {
    const used = eventFieldsUsedBySteps([
      {
        mapping: {
          "/externalId": { source: "event", path: "/id" },
          "/memo": { source: "constant", value: "x" },
          "/item/0/amount": { source: "expression", expression: "data.invoiceAmount * 1.2 & data.customer.name" },
        },
      },
      { mapping: { "/tranId": { source: "event", path: "/invoiceNumber" } } },
    ]);
    expect([...used].sort()).toEqual(["/customer/name", "/id", "/invoiceAmount", "/invoiceNumber"]);
  });

  it("tolerates missing or malformed steps", () => {
    expect(eventFieldsUsedBySteps(null).size).toBe(0);
    expect(eventFieldsUsedBySteps([{ name: "no mapping" }]).size).toBe(0);
  });
});
