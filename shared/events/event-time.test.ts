import { afterEach, describe, expect, it } from "vitest";
import { EVENT_TIME_ZONES } from "./event-vocabulary";
import { localDay, localMonth, localToUtc, utcToLocal } from "./event-time";
import { dayInZone, formatEventRange, formatEventTime } from "./event-format";

const serverZone = process.env.TZ;
afterEach(() => {
  if (serverZone === undefined) delete process.env.TZ;
  else process.env.TZ = serverZone;
});

describe.each(EVENT_TIME_ZONES)("localToUtc and utcToLocal in %s", (zone) => {
  it.each(["2027-01-15T09:30", "2027-07-01T18:45", "2027-12-31T23:59", "2028-02-29T00:00"])("round-trips %s", (local) => {
    const iso = localToUtc(local, zone);
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(utcToLocal(iso!, zone)).toBe(local);
  });

  it("stores winter times one hour and summer times two hours behind the local clock", () => {
    expect(localToUtc("2027-01-15T09:30", zone)).toBe("2027-01-15T08:30:00.000Z");
    expect(localToUtc("2027-07-01T18:45", zone)).toBe("2027-07-01T16:45:00.000Z");
  });

  it("accepts seconds, as browsers send them for inputs with a step below a minute", () => {
    expect(localToUtc("2027-01-15T09:30:15", zone)).toBe("2027-01-15T08:30:15.000Z");
  });

  it.each([
    ["March", "2027-03-27T10:00", "2027-03-29T10:00"],
    ["October", "2027-10-30T10:00", "2027-11-01T10:00"],
  ])("keeps 10:00 at 10:00 across the %s clock change", (_month, saturday, monday) => {
    const before = localToUtc(saturday, zone)!;
    const after = localToUtc(monday, zone)!;
    expect(utcToLocal(before, zone)).toBe(saturday);
    expect(utcToLocal(after, zone)).toBe(monday);
    expect(Math.abs(new Date(before).getUTCHours() - new Date(after).getUTCHours())).toBe(1);
  });

  it("refuses times in the spring-forward gap", () => {
    expect(localToUtc("2027-03-28T02:00", zone)).toBeNull();
    expect(localToUtc("2027-03-28T02:30", zone)).toBeNull();
    expect(localToUtc("2027-03-28T02:59:59", zone)).toBeNull();
    expect(localToUtc("2027-03-28T01:59", zone)).toBe("2027-03-28T00:59:00.000Z");
    expect(localToUtc("2027-03-28T03:00", zone)).toBe("2027-03-28T01:00:00.000Z");
  });

  it("takes the first, summer-time occurrence of the repeated autumn hour, whatever the server's zone", () => {
    for (const serverTz of ["UTC", "America/New_York", "Asia/Kolkata", zone]) {
      process.env.TZ = serverTz;
      expect(localToUtc("2027-10-31T02:30", zone), serverTz).toBe("2027-10-31T00:30:00.000Z");
      expect(localToUtc("2027-10-31T02:00", zone), serverTz).toBe("2027-10-31T00:00:00.000Z");
    }
  });
});

describe("localToUtc with malformed input", () => {
  it.each([
    "",
    "tomorrow",
    "2027-03-07",
    "2027-03-07 10:00",
    "2027-3-7T10:00",
    "2027-03-07T10",
    "2027-03-07T10:00Z",
    "2027-03-07T10:00+01:00",
    "2027-03-07T10:00:00.000",
    " 2027-03-07T10:00",
    "2027-02-30T10:00",
    "2027-02-29T10:00",
    "2027-13-01T10:00",
    "2027-00-10T10:00",
    "2027-03-00T10:00",
    "2027-03-07T24:00",
    "2027-03-07T10:60",
    "2027-03-07T10:00:60",
  ])("returns null for %j", (local) => {
    expect(localToUtc(local, "Europe/Berlin")).toBeNull();
  });
});

describe("localDay and localMonth", () => {
  it("are the day and month on the event's clock, not in UTC", () => {
    const lateInMarch = "2027-03-31T22:30:00.000Z";
    expect(localDay(lateInMarch, "Europe/Rome")).toBe("2027-04-01");
    expect(localMonth(lateInMarch, "Europe/Rome")).toBe("2027-04");
    expect(localDay("2027-03-31T21:30:00.000Z", "Europe/Berlin")).toBe("2027-03-31");
  });

  it("refuse what is not a date", () => {
    expect(() => localDay("not a date", "Europe/Berlin")).toThrow(RangeError);
  });
});

describe("formatEventTime and formatEventRange", () => {
  const start = localToUtc("2027-03-07T10:00", "Europe/Berlin")!;
  const end = localToUtc("2027-03-07T12:30", "Europe/Berlin")!;

  it("write a moment with date, time and zone in each language", () => {
    expect(formatEventTime(start, "Europe/Berlin", "en")).toBe("7 March 2027, 10:00 CET");
    expect(formatEventTime(start, "Europe/Berlin", "de")).toBe("7. März 2027, 10:00 MEZ");
    expect(formatEventTime(start, "Europe/Rome", "it")).toBe("7 marzo 2027, 10:00 CET");
    expect(formatEventTime(localToUtc("2027-07-01T18:45", "Europe/Rome")!, "Europe/Rome", "en")).toBe("1 July 2027, 18:45 CEST");
  });

  it("write a same-day range with one date and one zone name", () => {
    expect(formatEventRange(start, end, "Europe/Berlin", "en")).toBe("7 March 2027, 10:00–12:30 CET");
    expect(formatEventRange(start, end, "Europe/Berlin", "de")).toBe("7. März 2027, 10:00–12:30 MEZ");
    expect(formatEventRange(start, end, "Europe/Rome", "it")).toBe("7 marzo 2027, 10:00–12:30 CET");
  });

  it("write both ends in full when the event spans days", () => {
    const twoDays = formatEventRange(start, localToUtc("2027-03-08T16:00", "Europe/Berlin")!, "Europe/Berlin", "it");
    expect(twoDays).toBe("7 marzo 2027, 10:00 – 8 marzo 2027, 16:00 CET");
  });

  it("name the zone at both ends when the clocks change during the event", () => {
    const night = formatEventRange(
      localToUtc("2027-03-28T01:00", "Europe/Berlin")!,
      localToUtc("2027-03-28T04:00", "Europe/Berlin")!,
      "Europe/Berlin",
      "en",
    );
    expect(night).toBe("28 March 2027, 01:00 CET–04:00 CEST");
  });

  it("judge 'same day' on the event's clock", () => {
    // 01:00 to 03:00 in Rome on 1 April starts on 31 March in UTC: still one day.
    const text = formatEventRange("2027-03-31T23:00:00.000Z", "2027-04-01T01:00:00.000Z", "Europe/Rome", "en");
    expect(text).toBe("1 April 2027, 01:00–03:00 CEST");
  });
});
