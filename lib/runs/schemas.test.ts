import { describe, expect, it } from "vitest";
import { runFilterToParams, ZRunListFilter, ZRunListQuery } from "./schemas";

describe("ZRunListQuery", () => {
  it("reads the runs list's query parameters, datetime-local values as UTC", () => {
    expect(
      ZRunListQuery.parse({
        status: "FAILED",
        trigger: "REPLAY",
        workflowId: "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
        event: " create_invoice ",
        userId: "demo-user",
        since: "2026-01-15T10:00",
        until: "2026-01-15T12:30:00.000Z",
        page: "3",
      }),
    ).toEqual({
      status: "FAILED",
      trigger: "REPLAY",
      workflowId: "3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
      event: "create_invoice",
      userId: "demo-user",
      since: new Date("2026-01-15T10:00:00Z"),
      until: new Date("2026-01-15T12:30:00Z"),
      page: 3,
    });
  });

  it("ignores empty and malformed values instead of refusing the page", () => {
    expect(ZRunListQuery.parse({ status: "nope", trigger: "", workflowId: "x", event: "", userId: "  ", since: "yesterday", until: "", page: "-2" })).toEqual({
      status: undefined,
      trigger: undefined,
      workflowId: undefined,
      event: undefined,
      userId: undefined,
      since: undefined,
      until: undefined,
      page: 1,
    });
  });

  it("turns a filter back into query parameters that parse to the same filter", () => {
    const filter = ZRunListFilter.parse({ status: "SUCCEEDED", event: "create_invoice", since: "2026-01-15T10:00" });
    const params = runFilterToParams(filter);
    expect(params).toEqual({ status: "SUCCEEDED", event: "create_invoice", since: "2026-01-15T10:00:00.000Z" });
    expect(ZRunListFilter.parse(params)).toEqual(filter);
  });
});
