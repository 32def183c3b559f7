/**
 * /events: what the person may see across their networks and the network of networks, as a
 * list of what comes next or as a month. The month is a table on wide screens; on a phone
 * only the days with events remain, one under the other.
 */
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { calendarLoader } from "~/lib/calendar.server";
import { dayInZone } from "#shared/events/event-format";
import { EventList, EventStatusBadge } from "./event-list";
import { asLocale } from "./labels";

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number);
  const date = new Date(Date.UTC(y ?? 2026, (m ?? 1) - 1 + by, 1));
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** The weeks of a month, Monday first, as YYYY-MM-DD (null outside the month). */
function weeksOf(month: string): Array<Array<string | null>> {
  const [y, m] = month.split("-").map(Number);
  const first = new Date(Date.UTC(y ?? 2026, (m ?? 1) - 1, 1));
  const days = new Date(Date.UTC(y ?? 2026, m ?? 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: Array<string | null> = [...Array<null>(lead).fill(null)];
  for (let d = 1; d <= days; d++) cells.push(`${month}-${String(d).padStart(2, "0")}`);
  while (cells.length % 7) cells.push(null);
  const weeks = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export function CalendarView() {
  const { t, i18n } = useTranslation("events");
  const data = useLoaderData<typeof calendarLoader>();
  const locale = asLocale(i18n.language);
  const monthName = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${data.month}-15T00:00:00Z`));
  const weekday = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { weekday: "short", timeZone: "UTC" });
  const dayNames = [...Array(7).keys()].map((i) => weekday.format(new Date(Date.UTC(2027, 1, 1 + i))));
  const onDay = (day: string) => data.events.filter((e) => dayInZone(e.startsAt, e.timeZone) <= day && dayInZone(e.endsAt, e.timeZone) >= day);

  return (
    <div className="page page--wide">
      <h1>{t("calendar.title")}</h1>
      <p>{t("calendar.intro")}</p>
      <p className="actions">
        <Link to="/account#calendar">{t("calendar.subscribe")}</Link>
      </p>
      <nav aria-label={t("calendar.views")} className="tabs">
        <Link to="/events" aria-current={data.view === "list" ? "page" : undefined}>
          {t("calendar.list")}
        </Link>{" "}
        <Link to={`/events?view=month&month=${data.month}`} aria-current={data.view === "month" ? "page" : undefined}>
          {t("calendar.month")}
        </Link>
      </nav>
      {data.view === "list" ? (
        <>
          <h2>{t("calendar.upcoming")}</h2>
          <EventList events={data.events} showOwner empty={t("calendar.empty")} />
        </>
      ) : (
        <section aria-labelledby="month-heading">
          <div className="month-nav">
            <Link to={`/events?view=month&month=${shiftMonth(data.month, -1)}`}>{t("calendar.previous")}</Link>
            <h2 id="month-heading">{monthName}</h2>
            <Link to={`/events?view=month&month=${shiftMonth(data.month, 1)}`}>{t("calendar.next")}</Link>
          </div>
          {data.events.length === 0 ? <p className="empty-state">{t("calendar.emptyMonth")}</p> : null}
          <table className="month">
            <caption className="visually-hidden">{monthName}</caption>
            <thead>
              <tr>
                {dayNames.map((name) => (
                  <th scope="col" key={name}>
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {weeksOf(data.month).map((week, i) => (
                <tr key={i}>
                  {week.map((day, j) => {
                    const events = day ? onDay(day) : [];
                    return (
                      <td key={j} className={events.length ? "month__day month__day--busy" : "month__day"}>
                        {day ? (
                          <>
                            <span className="month__date">{new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { weekday: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`))}</span>
                            {events.length ? (
                              <ul className="plain">
                                {events.map((e) => (
                                  <li key={e.id}>
                                    <Link to={e.path}>{e.title}</Link> <EventStatusBadge status={e.status} />
                                  </li>
                                ))}
                              </ul>
                            ) : null}
                          </>
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
