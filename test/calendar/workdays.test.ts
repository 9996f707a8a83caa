import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ageOn, bornBy, dayNumber, daysByWeek, isoOfDayNumber, isoWeekday, workdayCalendar } from "../../src/calendar/workdays.js";
import { parseDate } from "../../src/domain/values.js";

const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"] as const;

describe("workdayCalendar", () => {
  it("keeps the chosen weekdays and drops holidays", () => {
    const cal = workdayCalendar("2021-08-09", "2021-08-20", WEEKDAYS, ["2021-08-11", "2021-08-17"]);
    expect(cal.days).toEqual(["2021-08-09", "2021-08-10", "2021-08-12", "2021-08-13", "2021-08-16", "2021-08-18", "2021-08-19", "2021-08-20"]);
  });

  it("numbers Monday-based weeks, a week starting on its Monday even when the horizon starts mid-week", () => {
    const cal = workdayCalendar("2020-11-30", "2020-12-08", WEEKDAYS, []);
    expect(cal.weekStarts).toEqual(["2020-11-30", "2020-12-07"]);
    expect(cal.week).toEqual([0, 0, 0, 0, 0, 1, 1]);
    const midweek = workdayCalendar("2021-07-21", "2021-07-27", WEEKDAYS, []);
    expect(midweek.weekStarts).toEqual(["2021-07-19", "2021-07-26"]);
    expect(daysByWeek(midweek)).toEqual([[0, 1, 2], [3, 4]]);
  });

  it("takes Saturday when a public-service unit works it", () => {
    const cal = workdayCalendar("2021-07-19", "2021-07-25", ["mon", "sat"], []);
    expect(cal.days).toEqual(["2021-07-19", "2021-07-24"]);
  });

  it("gives an empty calendar when only holidays fall inside", () => {
    expect(workdayCalendar("2021-08-17", "2021-08-17", WEEKDAYS, ["2021-08-17"]).days).toEqual([]);
  });
});

describe("plain ISO dates", () => {
  const anyDay = fc.integer({ min: dayNumber("0001-01-01"), max: dayNumber("9999-12-31") });

  it("numbers days as UTC does, and turns the number back into the same date", () => {
    fc.assert(fc.property(anyDay, (day) => {
      const iso = isoOfDayNumber(day);
      const utc = new Date(0);
      utc.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
      return dayNumber(iso) === day && Math.round(utc.getTime() / 86_400_000) === day && isoWeekday(day) === (utc.getUTCDay() || 7);
    }), { numRuns: 3000 });
    expect(isoOfDayNumber(0)).toBe("1970-01-01");
    expect(isoWeekday(dayNumber("2011-12-30"))).toBe(5);
  });

  it("knows the leap years of years below 100 (Date.UTC reads them as 19xx)", () => {
    expect(parseDate("0000-02-29")).toBe("0000-02-29");
    expect(parseDate("0100-02-29")).toBeNull();
    expect(isoOfDayNumber(dayNumber("0000-02-29") + 1)).toBe("0000-03-01");
  });

  it("does not depend on the machine's time zone, Samoa's skipped 30 December 2011 included", () => {
    const saved = process.env.TZ;
    const seven = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
    try {
      const calendars = ["UTC", "Pacific/Apia", "Pacific/Kiritimati", "America/New_York"].map((tz) => {
        process.env.TZ = tz;
        return [workdayCalendar("2011-12-26", "2012-01-06", seven, []), workdayCalendar("2021-03-08", "2021-03-21", seven, [])];
      });
      for (const c of calendars) expect(c).toEqual(calendars[0]);
      expect(calendars[0][0].days).toHaveLength(12);
      expect(calendars[0][0].days).toContain("2011-12-30");
      expect(calendars[0][0].weekStarts).toEqual(["2011-12-26", "2012-01-02"]);
      expect(calendars[0][1].weekStarts).toEqual(["2021-03-08", "2021-03-15"]);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe("ageOn", () => {
  it("counts whole years, the birthday itself included", () => {
    expect(ageOn("1971-07-19", "2021-07-19")).toBe(50);
    expect(ageOn("1971-07-20", "2021-07-19")).toBe(49);
    expect(ageOn("1972-02-29", "2022-02-28")).toBe(49);
  });
});

describe("bornBy", () => {
  it("agrees with ageOn for any birth date, date and age", () => {
    const day = fc.date({ min: new Date("1940-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(day, day, fc.integer({ min: 0, max: 70 }), (birth, on, years) => (birth <= bornBy(on, years)) === (ageOn(birth, on) >= years)), { numRuns: 2000 });
  });
});
