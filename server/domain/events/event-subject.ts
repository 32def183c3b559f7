/** An event row as the policy sees it, and where its pages are. */
import type { EventRow } from "#db/schema";
import type { WorkspaceOwner, EventSubject } from "#shared/policy";

export const ownerOfEvent = (row: Pick<EventRow, "network_id">): WorkspaceOwner =>
  row.network_id === null ? { kind: "commons" } : { kind: "network", networkId: row.network_id };

export const eventSubject = (row: Pick<EventRow, "network_id" | "status" | "created_by">): EventSubject => ({
  owner: ownerOfEvent(row),
  status: row.status,
  createdBy: row.created_by,
});

/** The events area of an owner: /networks/<slug>/events or /network-of-networks/events. */
export const eventsBasePath = (networkSlug: string | null): string => (networkSlug === null ? "/network-of-networks/events" : `/networks/${networkSlug}/events`);

export const eventPath = (networkSlug: string | null, eventId: string): string => `${eventsBasePath(networkSlug)}/${eventId}`;

/** The JSON language lists stored in text columns; anything unreadable is no language. */
export function parseLanguages(value: string): Array<"de" | "it" | "en"> {
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? parsed.filter((v): v is "de" | "it" | "en" => v === "de" || v === "it" || v === "en") : [];
  } catch {
    return [];
  }
}
