import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ageOn, bornBy, daysByWeek, workdayCalendar } from "../../src/calendar/workdays.js";

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
