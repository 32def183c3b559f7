/** Long lists (outbox, audit log, notifications) are read in pages so a busy year does not make one huge page. */
export const PAGE_SIZE = 100;

/** `?page=` from a URL: anything that is not a sensible positive number is page 1. */
export function pageNumber(raw: string | null): number {
  const page = Number(raw ?? "1");
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

/** Fetches one row more than shown: its presence says whether an older page exists. */
export async function readPage<T>(page: number, fetch: (limit: number, offset: number) => Promise<T[]>, size = PAGE_SIZE) {
  const rows = await fetch(size + 1, (page - 1) * size);
  return { rows: rows.slice(0, size), page, hasOlder: rows.length > size, hasNewer: page > 1 };
}
