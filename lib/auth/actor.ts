/** Who did something: recorded on versions, events and audit fields. */
export type TActor = { type: "staff"; id: string; name: string } | { type: "apiKey"; id: string; name: string } | { type: "system"; name: string };

export function actorStaffId(actor: TActor): string | null {
  return actor.type === "staff" ? actor.id : null;
}
