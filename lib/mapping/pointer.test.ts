import { describe, expect, it } from "vitest";
import { comparePointers, escapePointerSegment, formatPointer, getPointer, parsePointer, PointerError, setPointer } from "./pointer";

describe("parsePointer / formatPointer", () => {
  it.each([
    ["", []],
    ["/", [""]],
    ["/a/b", ["a", "b"]],
    ["/a~1b/c~0d", ["a/b", "c~d"]],
    ["/~01", ["~1"]],
    ["/lines/0", ["lines", "0"]],
  ])("parses %j", (pointer, segments) => {
    expect(parsePointer(pointer)).toEqual(segments);
    expect(formatPointer(segments)).toBe(pointer);
  });

  it.each(["a/b", "/a~2", "/a~", "/__proto__/x", "/a/constructor", "/prototype"])("refuses %j", (pointer) => {
    expect(() => parsePointer(pointer)).toThrow(PointerError);
  });

  it("escapes ~ before /", () => {
    expect(escapePointerSegment("~/")).toBe("~0~1");
  });
});

describe("getPointer", () => {
  const value = { a: { "b/c": [10, { d: null }] }, "": 1, "m~n": 2 };

  it.each([
    ["", value],
    ["/a/b~1c/0", 10],
    ["/a/b~1c/1/d", null],
    ["/", 1],
    ["/m~0n", 2],
  ])("reads %j", (pointer, expected) => {
    expect(getPointer(value, pointer)).toEqual(expected);
  });

  it.each(["/missing", "/a/b~1c/2", "/a/b~1c/01", "/a/b~1c/-", "/a/b~1c/x", "/a/b~1c/0/deeper", "/toString", "/a/hasOwnProperty"])(
    "gives undefined for %j",
    (pointer) => {
      expect(getPointer(value, pointer)).toBeUndefined();
    },
  );

  it("refuses reserved names instead of reading the prototype", () => {
    expect(() => getPointer({}, "/constructor")).toThrow(PointerError);
  });
});

describe("setPointer", () => {
  it("creates objects, and arrays for numeric segments", () => {
    const target: Record<string, unknown> = {};
    setPointer(target, "/item/items/0/amount", 5);
    setPointer(target, "/item/items/0/item/id", "42");
    setPointer(target, "/a~1b", true);
    expect(target).toEqual({ item: { items: [{ amount: 5, item: { id: "42" } }] }, "a/b": true });
  });

  it("keeps what is there and appends with -", () => {
    const target: Record<string, unknown> = { tags: ["x"], entity: { name: "n" } };
    setPointer(target, "/tags/-", "y");
    setPointer(target, "/entity/id", "1");
    expect(target).toEqual({ tags: ["x", "y"], entity: { name: "n", id: "1" } });
  });

  it("fills skipped list positions with null", () => {
    const target: Record<string, unknown> = {};
    setPointer(target, "/lines/2", "c");
    expect(target.lines).toEqual([null, null, "c"]);
  });

  it("replaces a null on the way", () => {
    const target: Record<string, unknown> = { a: null };
    setPointer(target, "/a/b", 1);
    expect(target).toEqual({ a: { b: 1 } });
  });

  it.each([
    [{ a: "text" }, "/a/b", /\/a is a text value/],
    [{ a: [] }, "/a/x", /is a list/],
    [{}, "/a/100000", /larger than/],
    [{}, "", /empty JSON pointer/],
    [{}, "/__proto__/polluted", /reserved name/],
    [{}, "/a/constructor/prototype/polluted", /reserved name/],
  ])("refuses %j %j", (target, pointer, message) => {
    expect(() => setPointer(target as Record<string, unknown>, pointer, 1)).toThrow(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("comparePointers", () => {
  it("orders parents first, list positions numerically", () => {
    const sorted = ["/item/items/10/amount", "/item/items/2/amount", "/item", "/b", "/a/b", "/item/items/0"].sort(comparePointers);
    expect(sorted).toEqual(["/b", "/item", "/a/b", "/item/items/0", "/item/items/2/amount", "/item/items/10/amount"]);
  });
});
