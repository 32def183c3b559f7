/**
 * Who is in the document now, from the awareness states. The server rewrites every remote
 * state's `user` to the authenticated person, so names and read-only flags can be trusted;
 * one person with several windows is listed once.
 */
export interface Present {
  id: string;
  name: string;
  color: string;
  readOnly: boolean;
  isMe: boolean;
}

const COLOUR = /^#[0-9a-fA-F]{6}$/;

export function presentPeople(states: Map<number, Record<string, unknown> | null | undefined>, myId: string): Present[] {
  const byId = new Map<string, Present>();
  for (const state of states.values()) {
    const user = state?.user as Record<string, unknown> | undefined;
    if (!user || typeof user.id !== "string" || typeof user.name !== "string") continue;
    const seen = byId.get(user.id);
    const readOnly = user.readOnly === true;
    if (seen) {
      // Several windows of one person: read-only only if every one of them is.
      seen.readOnly = seen.readOnly && readOnly;
      continue;
    }
    byId.set(user.id, {
      id: user.id,
      name: user.name,
      color: typeof user.color === "string" && COLOUR.test(user.color) ? user.color : "#4a5364",
      readOnly,
      isMe: user.id === myId,
    });
  }
  return [...byId.values()].sort((a, b) => Number(b.isMe) - Number(a.isMe) || a.name.localeCompare(b.name));
}
