/**
 * Month and date fields in the interface's language. A native <input type="month|date"> is
 * drawn by the browser in the browser's language ("January 2026", "01/30/2026" on an Italian
 * page in an English browser) and cannot be told otherwise, so these fields are a month
 * list named by Intl in the page's language, a four-digit year and, for dates, a day list.
 * The value stays ISO ("2026-03", "2026-03-31"); a half-filled field is kept on this screen
 * and written only once it is a whole month or date (or cleared).
 */
import { useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

interface Parts {
  year: string;
  month: string;
  day: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

function split(value: string): Parts {
  const [year = "", month = "", day = ""] = value.split("-");
  return { year, month, day };
}

export function monthNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" });
  return Array.from({ length: 12 }, (_, i) => format.format(Date.UTC(2000, i, 15)));
}

function daysIn(year: string, month: string): number {
  if (!month) return 31;
  const y = /^\d{4}$/.test(year) ? Number(year) : 2000; // a leap year: 29 February stays choosable
  return new Date(Date.UTC(y, Number(month), 0)).getUTCDate();
}

/** The ISO value of whole parts, "" for empty ones, null while half-filled. */
function joined(parts: Parts, withDay: boolean): string | null {
  const filled = [parts.year, parts.month, ...(withDay ? [parts.day] : [])];
  if (filled.every((p) => p === "")) return "";
  if (!/^\d{4}$/.test(parts.year) || !parts.month || (withDay && !parts.day)) return null;
  return withDay ? `${parts.year}-${parts.month}-${parts.day}` : `${parts.year}-${parts.month}`;
}

interface FieldProps {
  value: string;
  onChange: (value: string) => void;
  /** The name of the whole field, e.g. "Start of Activity 3". */
  label: string;
  invalid?: boolean;
  describedBy?: string;
}

function DateParts({ value, onChange, label, invalid, describedBy, withDay }: FieldProps & { withDay: boolean }) {
  const { t, i18n } = useTranslation();
  const [parts, setParts] = useState(() => split(value));
  // Someone else's edit (or undo) replaces what is shown; a half-filled field of ours is
  // only replaced when the stored value really changed.
  useEffect(() => setParts(split(value)), [value]);
  const months = useMemo(() => monthNames(i18n.language), [i18n.language]);
  const groupId = useId();

  const update = (next: Parts) => {
    if (withDay && next.day && Number(next.day) > daysIn(next.year, next.month)) next = { ...next, day: pad(daysIn(next.year, next.month)) };
    setParts(next);
    const whole = joined(next, withDay);
    if (whole !== null && whole !== value) onChange(whole);
  };
  const common = { "aria-invalid": invalid || undefined, "aria-describedby": describedBy };

  return (
    <span role="group" aria-labelledby={groupId} className="date-parts">
      <span id={groupId} className="visually-hidden">
        {label}
      </span>
      {withDay ? (
        <select className="wp-input date-parts__day" value={parts.day} aria-label={t("dates.day")} onChange={(e) => update({ ...parts, day: e.target.value })} {...common}>
          <option value="">{t("dates.none")}</option>
          {Array.from({ length: daysIn(parts.year, parts.month) }, (_, i) => (
            <option key={i} value={pad(i + 1)}>
              {i + 1}
            </option>
          ))}
        </select>
      ) : null}
      <select className="wp-input date-parts__month" value={parts.month} aria-label={t("dates.month")} onChange={(e) => update({ ...parts, month: e.target.value })} {...common}>
        <option value="">{t("dates.none")}</option>
        {months.map((name, i) => (
          <option key={name} value={pad(i + 1)}>
            {name}
          </option>
        ))}
      </select>
      <input
        className="wp-input date-parts__year"
        type="text"
        inputMode="numeric"
        pattern="[0-9]{4}"
        maxLength={4}
        placeholder={t("dates.yearPlaceholder")}
        value={parts.year}
        aria-label={t("dates.year")}
        onChange={(e) => update({ ...parts, year: e.target.value.replace(/\D/g, "").slice(0, 4) })}
        {...common}
      />
    </span>
  );
}

export function MonthField(props: FieldProps) {
  return <DateParts {...props} withDay={false} />;
}

export function DateField(props: FieldProps) {
  return <DateParts {...props} withDay />;
}
