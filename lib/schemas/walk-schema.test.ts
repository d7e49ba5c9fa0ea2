import { expect, it } from "vitest";
import { walkSchema, type TSchemaNode } from "./walk-schema";

it("visits subschemas with their pointer segments and data depth, skipping fields named like keywords", () => {
  const schema = {
    type: "object",
    properties: {
      format: { type: "string" },
      lines: { type: "array", items: { anyOf: [{ type: "object", properties: { amount: { type: "number" } } }] } },
    },
    $defs: { money: { type: "number" } },
  };
  const visited: Omit<TSchemaNode, "schema">[] = [];
  walkSchema(schema, ({ segments, depth, keyword, name }) => visited.push({ segments, depth, keyword, name }));
  expect(visited).toEqual([
    { segments: [], depth: 0, keyword: undefined, name: undefined },
    { segments: ["properties", "format"], depth: 1, keyword: "properties", name: "format" },
    { segments: ["properties", "lines"], depth: 1, keyword: "properties", name: "lines" },
    { segments: ["properties", "lines", "items"], depth: 2, keyword: "items", name: undefined },
    { segments: ["properties", "lines", "items", "anyOf", "0"], depth: 2, keyword: "anyOf", name: undefined },
    {
      segments: ["properties", "lines", "items", "anyOf", "0", "properties", "amount"],
      depth: 3,
      keyword: "properties",
      name: "amount",
    },
    { segments: ["$defs", "money"], depth: 0, keyword: "$defs", name: "money" },
  ]);
});
