// RFC 6901: "~" and "/" inside a segment are written "~0" and "~1".

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function pointerFromSegments(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${escapePointerSegment(String(s))}`).join("");
}

export function segmentsFromPointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The root pointer is empty, which reads as nothing in a message, so messages show it as "/". */
export function displayPointer(pointer: string): string {
  return pointer === "" ? "/" : pointer;
}
