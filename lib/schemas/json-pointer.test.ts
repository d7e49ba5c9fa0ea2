import { describe, expect, it } from "vitest";
import { displayPointer, pointerFromSegments, segmentsFromPointer } from "./json-pointer";

describe("JSON pointers", () => {
  it.each<[(string | number)[], string]>([
    [[], ""],
    [["customer", "name"], "/customer/name"],
    [["lines", 0, "amount"], "/lines/0/amount"],
    [["a/b", "c~d"], "/a~1b/c~0d"],
    [["~1"], "/~01"],
  ])("writes %j as %j and reads it back", (segments, pointer) => {
    expect(pointerFromSegments(segments)).toBe(pointer);
    expect(segmentsFromPointer(pointer)).toEqual(segments.map(String));
  });

  it("shows the root pointer as /", () => {
    expect(displayPointer("")).toBe("/");
    expect(displayPointer("/id")).toBe("/id");
  });
});
