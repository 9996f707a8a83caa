/**
 * The calendar of a horizon: which dates are workdays and which Monday-based week each
 * falls in. Small pure functions on plain ISO dates (`YYYY-MM-DD`): a date is turned into a
 * day number (days since 1970-01-01, proleptic Gregorian) and back, with no `Date` in local
 * time anywhere, so the machine's time zone (DST changes, Samoa's skipped 30 December 2011)
 * cannot move a day.
 */
import type { Calendar } from "../domain/problem.js";
import type { Weekday } from "../domain/scenario.js";

const ISO_DAY: Record<Weekday, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

/**
 * Days since 1970-01-01 of an ISO date, in integer arithmetic on the proleptic Gregorian
 * calendar (H. Hinnant's `days_from_civil`): no `Date`, so no time zone and no two-digit-year
 * quirk of `Date.UTC`.
 *
 * @example dayNumber("1970-01-02") //=> 1
 */
export function dayNumber(iso: string): number {
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const y = Number(iso.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The ISO date of a day number (the inverse of `dayNumber`, Hinnant's `civil_from_days`).
 *
 * @example isoOfDayNumber(15340) //=> "2012-01-01"
 */
export function isoOfDayNumber(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * ISO weekday of a day number: 1 Monday ... 7 Sunday (1970-01-01 was a Thursday).
 *
 * @example isoWeekday(dayNumber("2011-12-30")) //=> 5
 */
export function isoWeekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7 + 1;
}

/**
 * The workdays between `start` and `end` (both included): the given weekdays, less holidays.
 *
 * @example workdayCalendar("2021-07-19", "2021-07-25", ["mon","tue","wed","thu","fri"], ["2021-07-20"]).days
 * //=> ["2021-07-19", "2021-07-21", "2021-07-22", "2021-07-23"]
 */
export function workdayCalendar(start: string, end: string, weekdays: readonly Weekday[], holidays: readonly string[]): Calendar {
  const wanted = new Set(weekdays.map((w) => ISO_DAY[w]));
  const off = new Set(holidays);
  const first = dayNumber(start);
  const last = dayNumber(end);
  const days: string[] = [];
  const week: number[] = [];
  const weekStarts: string[] = [];
  for (let day = first; day <= last; day++) {
    const weekday = isoWeekday(day);
    if (!wanted.has(weekday)) continue;
    const iso = isoOfDayNumber(day);
    if (off.has(iso)) continue;
    const monday = isoOfDayNumber(day - (weekday - 1));
    if (weekStarts[weekStarts.length - 1] !== monday) weekStarts.push(monday);
    days.push(iso);
    week.push(weekStarts.length - 1);
  }
  return { days, week, weekStarts };
}

/** Whole years between a birth date and a reference date (age on that date). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [y, m, d] = onDate.split("-").map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * The latest birth date of someone aged at least `years` on `onDate`: age >= years exactly
 * when birth date <= this (as ISO strings), so a million people need no date arithmetic.
 *
 * @example bornBy("2021-07-19", 50) //=> "1971-07-19"
 */
export function bornBy(onDate: string, years: number): string {
  return `${String(Number(onDate.slice(0, 4)) - years).padStart(4, "0")}${onDate.slice(4)}`;
}

/** The days of each week as lists of day indices. */
export function daysByWeek(calendar: Calendar): number[][] {
  const weeks: number[][] = calendar.weekStarts.map(() => []);
  calendar.week.forEach((w, d) => weeks[w].push(d));
  return weeks;
}
