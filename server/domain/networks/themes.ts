/** Themes are stored as a JSON array of strings; anything else reads as no themes. */
export function parseThemes(raw: string): string[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

export function serialiseThemes(themes: string[]): string {
  return JSON.stringify(themes.map((t) => t.trim()).filter(Boolean));
}
