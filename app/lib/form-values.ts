/**
 * What a form field shows: after a failed submit the value the person typed (the action
 * sends it back), otherwise the stored value. Checkboxes need care: a group with nothing
 * ticked is absent from the submitted form, which means "none", not "as stored".
 */
export type SubmittedValues = Record<string, unknown> | null;

export function textValue(submitted: SubmittedValues, key: string, stored: string | null | undefined): string {
  if (!submitted) return stored ?? "";
  const value = submitted[key];
  return typeof value === "string" ? value : "";
}

export function checkedValues(submitted: SubmittedValues, key: string, stored: readonly string[]): string[] {
  if (!submitted) return [...stored];
  const value = submitted[key];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === "string" && value ? [value] : [];
}
