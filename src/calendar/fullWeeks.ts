/**
 * Full weeks, for per-person weekly bounds (flexible work): a week counts when the horizon
 * holds every one of its workdays, that is, its start and end do not cut it.
 */
import { addDays, format, getISODay, parseISO } from "date-fns";
import type { Calendar } from "../domain/problem.js";
import type { Weekday } from "../domain/scenario.js";

const ISO_DAY: Record<Weekday, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

/**
 * Per week of the calendar: how many days of that Monday-based week are workdays by the
 * scenario's `workdays` (holidays included, since a holiday does not cut a week), or 0 when
 * one of those days lies before `start` or after `end`.
 *
 * @example nominalWeekDays(calendar, "2025-03-19", "2025-03-28", ["mon","tue","wed","thu","fri"]) //=> [0, 5] (the first week is cut)
 */
export function nominalWeekDays(calendar: Calendar, start: string, end: string, weekdays: readonly Weekday[]): number[] {
  const wanted = new Set(weekdays.map((w) => ISO_DAY[w]));
  return calendar.weekStarts.map((monday) => {
    let n = 0;
    for (let k = 0; k < 7; k++) {
      const date = addDays(parseISO(monday), k);
      if (!wanted.has(getISODay(date))) continue;
      const iso = format(date, "yyyy-MM-dd");
      if (iso < start || iso > end) return 0;
      n++;
    }
    return n;
  });
}
