import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { localToUtc } from "#shared/events/event-time";
import { EVENT_TIME_ZONES, type EventTimeZone } from "#shared/events/event-vocabulary";
import { buildCalendar, type CalendarEventInput } from "./ical";

const HOST = "connactions.example";
const OPTIONS = { name: "ConnActions", host: HOST };

const at = (local: string, zone: EventTimeZone = "Europe/Berlin"): string => {
  const iso = localToUtc(local, zone);
  if (!iso) throw new Error(`no such time: ${local} in ${zone}`);
  return iso;
};

function eventInput(overrides: Partial<CalendarEventInput> = {}): CalendarEventInput {
  return {
    id: "evt_1",
    title: "Netzwerktreffen",
    description: "Arbeitsprogramm 2027",
    url: `https://${HOST}/events/evt_1`,
    startsAt: at("2027-03-07T10:00"),
    endsAt: at("2027-03-07T12:30"),
    timeZone: "Europe/Berlin",
    location: "IHK, Hauptstraße 1, 10117 Berlin, Deutschland",
    onlineUrl: null,
    status: "published",
    sequence: 0,
    updatedAt: "2027-01-10T08:15:00.000Z",
    createdAt: "2027-01-02T14:00:00.000Z",
    ...overrides,
  };
}

/** ical.js resolves each TZID against the VTIMEZONE in the same file, as calendar programs do. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevents = calendar.getAllSubcomponents("vevent");
  return { calendar, vevents, events: vevents.map((vevent) => new ICAL.Event(vevent)) };
}

function onlyEvent(text: string) {
  const { vevents, events } = parse(text);
  expect(events).toHaveLength(1);
  return { vevent: vevents[0]!, event: events[0]! };
}

/** ical.js leaves X-WR-CALNAME as written (it knows no type for it); calendar programs read it as TEXT. */
const unescapeText = (value: string) => value.replace(/\\([\\;,nN])/g, (_, char: string) => (char.toLowerCase() === "n" ? "\n" : char));

const serverZone = process.env.TZ;
afterEach(() => {
  if (serverZone === undefined) delete process.env.TZ;
  else process.env.TZ = serverZone;
});

describe("buildCalendar", () => {
  it("describes the calendar for subscribers and single downloads alike", () => {
    const { calendar } = parse(buildCalendar([eventInput()], OPTIONS));
    expect(calendar.name).toBe("vcalendar");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//ConnActions//Events//EN");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("ConnActions");
    expect(String(calendar.getFirstPropertyValue("refresh-interval"))).toBe("PT1H");
    expect(calendar.getFirstProperty("refresh-interval")?.type).toBe("duration");
    expect(String(calendar.getFirstPropertyValue("x-published-ttl"))).toBe("PT1H");
  });

  it("gives each event a stable UID at our host and its UTC stamps", () => {
    const first = onlyEvent(buildCalendar([eventInput()], OPTIONS));
    const again = onlyEvent(buildCalendar([eventInput({ title: "Anderer Titel", sequence: 4 })], OPTIONS));
    expect(first.event.uid).toBe(`evt_1@${HOST}`);
    expect(again.event.uid).toBe(first.event.uid);

    const utc = (name: string) => {
      const value = first.vevent.getFirstPropertyValue(name) as ICAL.Time;
      expect(value.zone?.tzid, name).toBe("UTC");
      return value.toJSDate().toISOString();
    };
    expect(utc("dtstamp")).toBe("2027-01-10T08:15:00.000Z");
    expect(utc("last-modified")).toBe("2027-01-10T08:15:00.000Z");
    expect(utc("created")).toBe("2027-01-02T14:00:00.000Z");
  });

  it("writes start and end with the event's TZID and includes each zone's VTIMEZONE once", () => {
    const text = buildCalendar(
      [
        eventInput({ id: "a" }),
        eventInput({ id: "b", startsAt: at("2027-05-03T09:00"), endsAt: at("2027-05-03T17:00") }),
        eventInput({ id: "c", timeZone: "Europe/Rome", startsAt: at("2027-05-04T09:00", "Europe/Rome"), endsAt: at("2027-05-04T13:00", "Europe/Rome") }),
      ],
      OPTIONS,
    );
    const { calendar, vevents } = parse(text);
    const zones = calendar.getAllSubcomponents("vtimezone").map((vtimezone) => vtimezone.getFirstPropertyValue("tzid"));
    expect(zones.sort()).toEqual(["Europe/Berlin", "Europe/Rome"]);
    expect(vevents.map((vevent) => vevent.getFirstProperty("dtstart")?.getParameter("tzid"))).toEqual(["Europe/Berlin", "Europe/Berlin", "Europe/Rome"]);
    expect(vevents.map((vevent) => vevent.getFirstProperty("dtend")?.getParameter("tzid"))).toEqual(["Europe/Berlin", "Europe/Berlin", "Europe/Rome"]);
    expect(text).toContain("\r\nDTSTART;TZID=Europe/Berlin:20270307T100000\r\n");
    expect(text).toContain("\r\nDTEND;TZID=Europe/Rome:20270504T130000\r\n");
  });

  it("carries the sequence, so a changed event supersedes the copy calendars already hold", () => {
    const before = onlyEvent(buildCalendar([eventInput({ sequence: 2 })], OPTIONS)).event;
    const moved = onlyEvent(buildCalendar([eventInput({ sequence: 3, startsAt: at("2027-03-08T10:00"), endsAt: at("2027-03-08T12:30") })], OPTIONS)).event;
    expect(before.sequence).toBe(2);
    expect(moved.sequence).toBe(3);
    expect(moved.uid).toBe(before.uid);
  });

  it.each([
    ["cancelled", "CANCELLED"],
    ["published", "CONFIRMED"],
    ["held", "CONFIRMED"],
  ] as const)("marks a %s event %s", (status, expected) => {
    const { vevent } = onlyEvent(buildCalendar([eventInput({ status })], OPTIONS));
    expect(vevent.getFirstPropertyValue("status")).toBe(expected);
  });

  describe.each(EVENT_TIME_ZONES)("across clock changes in %s", (zone) => {
    it.each([
      ["March", "2027-03-27T10:00", "2027-03-29T10:00", "2027-03-27T09:00:00.000Z", "2027-03-29T08:00:00.000Z"],
      ["October", "2027-10-30T10:00", "2027-11-01T10:00", "2027-10-30T08:00:00.000Z", "2027-11-01T09:00:00.000Z"],
    ])("reads 10:00 back as 10:00 local on both sides of the %s change", (_month, saturday, monday, saturdayUtc, mondayUtc) => {
      const text = buildCalendar(
        [saturday, monday].map((local, index) =>
          eventInput({ id: `dst_${index}`, timeZone: zone, startsAt: at(local, zone), endsAt: at(local.replace("T10:", "T11:"), zone) }),
        ),
        OPTIONS,
      );
      const { events } = parse(text);
      expect(events.map((event) => [event.startDate.hour, event.startDate.minute])).toEqual([
        [10, 0],
        [10, 0],
      ]);
      expect(events.map((event) => event.startDate.zone?.tzid)).toEqual([zone, zone]);
      expect(events.map((event) => event.startDate.toJSDate().toISOString())).toEqual([saturdayUtc, mondayUtc]);
      expect(events.map((event) => event.endDate.hour)).toEqual([11, 11]);
    });
  });

  it("writes the same file whatever the server's own time zone", () => {
    const events = [eventInput(), eventInput({ id: "rome", timeZone: "Europe/Rome", startsAt: at("2027-10-31T02:30", "Europe/Rome"), endsAt: at("2027-10-31T03:30", "Europe/Rome") })];
    process.env.TZ = "UTC";
    const expected = buildCalendar(events, OPTIONS);
    for (const serverTz of ["America/New_York", "Asia/Kolkata", "Europe/Berlin"]) {
      process.env.TZ = serverTz;
      expect(buildCalendar(events, OPTIONS), serverTz).toBe(expected);
    }
    expect(expected).toContain("DTSTART;TZID=Europe/Rome:20271031T023000");
  });

  it("escapes text so that it reads back unchanged", () => {
    const title = "Treffen: Köln, Bologna; Società & Bildungsträger\nzweiter Tag";
    const description = `Tagesordnung; Punkte 1, 2 und 3\nperché è così\\ „Grüße“ ${"Berufsbildung über Grenzen hinweg. ".repeat(6)}`;
    const location = "Palazzo Re Enzo; Piazza del Nettuno, 1\n40124 Bologna, Italia";
    const name = "Netzwerk Süd, Mechatronik; Emilia-Romagna\nX-INJECTED:1";
    const text = buildCalendar([eventInput({ title, description, location })], { ...OPTIONS, name });

    const { calendar } = parse(text);
    const { vevent, event } = onlyEvent(text);
    expect(event.summary).toBe(title);
    expect(event.description).toBe(description);
    expect(event.location).toBe(location);
    expect(unescapeText(String(calendar.getFirstPropertyValue("x-wr-calname")))).toBe(name);
    expect(calendar.getFirstProperty("x-injected")).toBeNull();
    expect(vevent.getAllProperties("summary")).toHaveLength(1);
    // RFC 5545: lines end in CRLF and are folded at 75 octets, never inside a character.
    for (const line of text.split("\r\n")) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text).not.toContain("\uFFFD");
  });

  it("links the page as URL and an online meeting in the description, and uses it as place when there is none", () => {
    const onlineUrl = "https://meet.example/room/123";
    const online = onlyEvent(buildCalendar([eventInput({ location: null, onlineUrl })], OPTIONS));
    expect(online.event.location).toBe(onlineUrl);
    expect(online.event.description).toBe(`Arbeitsprogramm 2027\n\nOnline: ${onlineUrl}`);
    expect(online.vevent.getFirstPropertyValue("url")).toBe(`https://${HOST}/events/evt_1`);

    const hybrid = onlyEvent(buildCalendar([eventInput({ onlineUrl })], OPTIONS));
    expect(hybrid.event.location).toBe("IHK, Hauptstraße 1, 10117 Berlin, Deutschland");
    expect(hybrid.event.description).toContain(onlineUrl);

    const neither = onlyEvent(buildCalendar([eventInput({ location: null, description: "" })], OPTIONS));
    expect(neither.vevent.getFirstProperty("location")).toBeNull();
  });

  it("still gives a valid calendar for an empty list", () => {
    const text = buildCalendar([], OPTIONS);
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    const { calendar, vevents } = parse(text);
    expect(calendar.name).toBe("vcalendar");
    expect(vevents).toHaveLength(0);
    expect(calendar.getAllSubcomponents("vtimezone")).toHaveLength(0);
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
  });
});
