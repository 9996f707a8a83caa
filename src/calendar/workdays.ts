/**
 * The calendar of a horizon: which dates are workdays and which Monday-based week each
 * falls in. Small pure functions over date-fns; dates travel as ISO `YYYY-MM-DD` strings.
 */
import { addDays, differenceInCalendarDays, format, getISODay, parseISO, startOfISOWeek } from "date-fns";
import type { Calendar } from "../domain/problem.js";
import type { Weekday } from "../domain/scenario.js";

const ISO_DAY: Record<Weekday, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

/** date-fns formats in local time; parsing and formatting both local keeps dates exact. */
const toIso = (date: Date): string => format(date, "yyyy-MM-dd");

/**
 * The workdays between `start` and `end` (both included): the given weekdays, less holidays.
 *
 * @example workdayCalendar("2021-07-19", "2021-07-25", ["mon","tue","wed","thu","fri"], ["2021-07-20"]).days
 * //=> ["2021-07-19", "2021-07-21", "2021-07-22", "2021-07-23"]
 */
export function workdayCalendar(start: string, end: string, weekdays: readonly Weekday[], holidays: readonly string[]): Calendar {
  const wanted = new Set(weekdays.map((w) => ISO_DAY[w]));
  const off = new Set(holidays);
  const first = parseISO(start);
  const span = differenceInCalendarDays(parseISO(end), first);
  const days: string[] = [];
  const week: number[] = [];
  const weekStarts: string[] = [];
  for (let i = 0; i <= span; i++) {
    const date = addDays(first, i);
    const iso = toIso(date);
    if (!wanted.has(getISODay(date)) || off.has(iso)) continue;
    const monday = toIso(startOfISOWeek(date));
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
