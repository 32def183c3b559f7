/**
 * The timeline of a work programme: one column per month from the earliest to the latest
 * month any activity names, one bar per dated activity. Pure, so it is tested without a DOM.
 */
import type { Activity } from "#shared/collab/work-programme-doc";

/** More columns than this are cut off (a typo like 2206 must not build a thousand columns). */
export const MAX_TIMELINE_MONTHS = 72;

export interface TimelineRow {
  activity: Activity;
  /** Column indexes into `months`, inclusive. */
  from: number;
  to: number;
  /** The months as entered, ordered (start after end is shown the right way round). */
  first: string;
  last: string;
  clipped: boolean;
}

export interface Timeline {
  months: string[];
  rows: TimelineRow[];
  /** Activities without any month. */
  undated: number;
}

const monthIndex = (month: string) => {
  const [year, mon] = month.split("-").map(Number);
  return (year ?? 0) * 12 + ((mon ?? 1) - 1);
};

const monthAt = (index: number) => {
  const year = Math.floor(index / 12);
  const mon = (index % 12) + 1;
  return `${String(year).padStart(4, "0")}-${String(mon).padStart(2, "0")}`;
};

export function buildTimeline(activities: Activity[]): Timeline {
  const dated: Array<{ activity: Activity; a: number; b: number }> = [];
  let undated = 0;
  for (const activity of activities) {
    const start = activity.start || activity.end;
    const end = activity.end || activity.start;
    if (!start || !end) {
      undated += 1;
      continue;
    }
    const [a, b] = [monthIndex(start), monthIndex(end)].sort((x, y) => x - y) as [number, number];
    dated.push({ activity, a, b });
  }
  if (dated.length === 0) return { months: [], rows: [], undated };
  const first = Math.min(...dated.map((d) => d.a));
  const last = Math.min(Math.max(...dated.map((d) => d.b)), first + MAX_TIMELINE_MONTHS - 1);
  const months: string[] = [];
  for (let i = first; i <= last; i++) months.push(monthAt(i));
  const rows: TimelineRow[] = [];
  for (const { activity, a, b } of dated) {
    if (a > last) {
      rows.push({ activity, from: months.length - 1, to: months.length - 1, first: monthAt(a), last: monthAt(b), clipped: true });
      continue;
    }
    rows.push({ activity, from: a - first, to: Math.min(b, last) - first, first: monthAt(a), last: monthAt(b), clipped: b > last });
  }
  return { months, rows, undated };
}
