/**
 * Which fields an admin edit actually changed. The audit log records the names (not the
 * values: e-mail addresses and descriptions do not belong in a log that lives forever).
 */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): string[] {
  return Object.keys(after).filter((key) => !sameValue(before[key], after[key]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && [...a].sort().join("\u0000") === [...b].sort().join("\u0000");
  }
  return a === b;
}
