/**
 * Map a roster file's raw entries (ids, dates and codes as written) onto a Problem. Whatever
 * does not fit (an id not in employees.csv, a date that is no workday, a code that is no mode,
 * a cell given twice, a person or a day or a cell left out) becomes a finding, never an error:
 * a planner's hand-made roster should get every mistake listed in one run.
 *
 * Cells left out or unreadable still need a mode for the hard rules to run. They get the mode
 * the rules expect (leave on a leave day, office for fixed staff, in weekly rotation the mode
 * of the person's other days that week, else home), so that one typo is one finding, not
 * one more violation of a hard rule on top.
 */
import { HOME, LEAVE, OFFICE, emptyRoster, type Person, type Problem, type Roster } from "../domain/problem.js";
import { modeFromText, type RosterFile } from "../io/readRoster.js";
import { DEFAULT_VIOLATION_LIMIT } from "../verify/types.js";
import type { Finding, ShapeRuleName } from "./findings.js";

export interface MappedRoster {
  roster: Roster;
  /** Shape findings, kept up to `limit` per rule, in report order. */
  problems: Finding[];
  /** Every shape finding counted, per rule, kept or not. */
  total: Record<ShapeRuleName, number>;
}

const UNSEEN = 0;
const SET = 1;
const UNREADABLE = 2;
const NO_MODE = 255;

/** How a person is named in messages: id, then name when there is one (as the verifier does). */
export function employeeLabel(person: Person): string {
  return person.name === "" || person.name === person.id ? person.id : `${person.id} ${person.name}`;
}

/**
 * Build a roster for `problem` from the entries of a roster file.
 *
 * @param limit most findings kept per rule (all are counted)
 * @example rosterFromEntries(problem, await readRoster("roster.csv")).problems //=> [] for a roster solve wrote
 */
export function rosterFromEntries(problem: Problem, file: RosterFile, limit = DEFAULT_VIOLATION_LIMIT): MappedRoster {
  const days = problem.calendar.days.length;
  const people = problem.people.length;
  const roster = emptyRoster(people, days);
  const modes = roster.modes.fill(NO_MODE);
  const state = new Uint8Array(people * days);
  const personOf = new Map<string, number>();
  for (const person of problem.people) personOf.set(person.id, person.index);
  const dayOf = new Map<string, number>();
  problem.calendar.days.forEach((date, d) => dayOf.set(date, d));

  const total = Object.fromEntries(["unknownEmployee", "notWorkday", "missingEmployee", "missingDay", "missingCell", "unknownCode", "duplicateCell"].map((r) => [r, 0])) as Record<ShapeRuleName, number>;
  const kept: Record<ShapeRuleName, Finding[]> = { unknownEmployee: [], notWorkday: [], missingEmployee: [], missingDay: [], missingCell: [], unknownCode: [], duplicateCell: [] };
  const take = (rule: ShapeRuleName): boolean => ++total[rule] <= limit;
  const place = (p: number, d: number) => {
    const person = problem.people[p];
    return { employee: employeeLabel(person), agency: problem.agencies[person.agency].name, agencyId: problem.agencies[person.agency].id, date: problem.calendar.days[d] };
  };

  // Ids and dates that do not fit: one finding each, at their first cell, with a count.
  const strangers = new Map<string, { file: string; line: number; rows: number }>();
  const strangeDates = new Map<string, { file: string; line: number; column: number; rows: number }>();
  const duplicates: Array<{ cell: number; entry: number }> = [];
  const { entries } = file;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const p = personOf.get(entry.employeeId);
    if (p === undefined) {
      const seen = strangers.get(entry.employeeId);
      if (seen) seen.rows++;
      else strangers.set(entry.employeeId, { file: entry.file ?? file.file, line: entry.line, rows: 1 });
      continue;
    }
    const d = dayOf.get(entry.date);
    if (d === undefined) {
      const seen = strangeDates.get(entry.date);
      if (seen) seen.rows++;
      else strangeDates.set(entry.date, { file: entry.file ?? file.file, line: entry.line, column: entry.column, rows: 1 });
      continue;
    }
    const cell = p * days + d;
    if (state[cell] !== UNSEEN) {
      if (take("duplicateCell")) duplicates.push({ cell, entry: i });
      continue;
    }
    const mode = modeFromText(entry.mode);
    if (mode === null) {
      state[cell] = UNREADABLE;
      if (take("unknownCode")) {
        const where = place(p, d);
        kept.unknownCode.push({
          rule: "unknownCode", code: "violation.unknownCode", agencyId: where.agencyId, employeeId: entry.employeeId, date: where.date,
          file: entry.file ?? file.file, line: entry.line, column: entry.column,
          values: { file: entry.file ?? file.file, line: entry.line, column: entry.column, employee: where.employee, agency: where.agency, date: where.date, code: entry.mode },
        });
      }
      continue;
    }
    state[cell] = SET;
    modes[cell] = mode;
  }

  for (const [employee, { file: where, line, rows }] of strangers) {
    if (take("unknownEmployee")) {
      kept.unknownEmployee.push({ rule: "unknownEmployee", code: "violation.unknownEmployee", employeeId: employee, file: where, line, values: { file: where, line, employee, rows } });
    }
  }
  const { days: calendarDays } = problem.calendar;
  for (const [date, { file: where, line, column, rows }] of strangeDates) {
    if (take("notWorkday")) {
      kept.notWorkday.push({
        rule: "notWorkday", code: "violation.notWorkday", date, file: where, line, column,
        values: { file: where, line, column, date, rows, start: calendarDays[0] ?? "", end: calendarDays[days - 1] ?? "" },
      });
    }
  }

  // The first entry of each duplicated cell, found in a second pass only when there are duplicates.
  if (duplicates.length > 0) {
    const firstOf = new Map<number, number>(duplicates.map(({ cell }) => [cell, -1]));
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      const p = personOf.get(entry.employeeId);
      const d = dayOf.get(entry.date);
      if (p === undefined || d === undefined) continue;
      const cell = p * days + d;
      if (firstOf.get(cell) === -1) firstOf.set(cell, i);
    }
    for (const { cell, entry: i } of duplicates) {
      const entry = entries[i];
      const first = entries[firstOf.get(cell)!];
      const where = place(Math.floor(cell / days), cell % days);
      kept.duplicateCell.push({
        rule: "duplicateCell", code: "violation.duplicateCell", agencyId: where.agencyId, employeeId: entry.employeeId, date: where.date,
        file: entry.file ?? file.file, line: entry.line, column: entry.column,
        values: { file: entry.file ?? file.file, line: entry.line, column: entry.column, employee: where.employee, agency: where.agency, date: where.date, mode: entry.mode, first: first.line, firstMode: first.mode },
      });
    }
  }

  // What is missing: whole people, whole days, then single cells.
  const personSeen = new Uint8Array(people);
  const daySeen = new Uint8Array(days);
  for (let p = 0, base = 0; p < people; p++, base += days) {
    for (let d = 0; d < days; d++) {
      if (state[base + d] !== UNSEEN) {
        personSeen[p] = 1;
        daySeen[d] = 1;
      }
    }
  }
  for (const agency of problem.agencies) {
    for (const p of agency.people) {
      if (personSeen[p] === 0 && take("missingEmployee")) {
        const person = problem.people[p];
        kept.missingEmployee.push({ rule: "missingEmployee", code: "violation.missingEmployee", agencyId: agency.id, employeeId: person.id, values: { employee: employeeLabel(person), agency: agency.name, days } });
      }
    }
  }
  if (people > 0) {
    for (let d = 0; d < days; d++) {
      if (daySeen[d] === 0 && take("missingDay")) {
        kept.missingDay.push({ rule: "missingDay", code: "violation.missingDay", date: calendarDays[d], values: { date: calendarDays[d] } });
      }
    }
  }
  for (const agency of problem.agencies) {
    for (let d = 0; d < days; d++) {
      if (daySeen[d] === 0) continue;
      for (const p of agency.people) {
        if (personSeen[p] === 0 || state[p * days + d] !== UNSEEN) continue;
        if (take("missingCell")) {
          const person = problem.people[p];
          kept.missingCell.push({
            rule: "missingCell", code: "violation.missingCell", agencyId: agency.id, employeeId: person.id, date: calendarDays[d],
            values: { employee: employeeLabel(person), agency: agency.name, date: calendarDays[d] },
          });
        }
      }
    }
  }

  fillExpected(problem, modes);
  const problems = (Object.keys(kept) as ShapeRuleName[]).flatMap((rule) => kept[rule]);
  return { roster, problems, total };
}

/** Give every cell without a readable mode the mode the hard rules expect of it (see the module comment). */
function fillExpected(problem: Problem, modes: Uint8Array): void {
  const days = problem.calendar.days.length;
  const week = problem.calendar.week;
  for (const person of problem.people) {
    const base = person.index * days;
    for (let d = 0; d < days; d++) {
      if (modes[base + d] !== NO_MODE) continue;
      let mode: number = HOME;
      if (person.leave !== null && person.leave[d] === 1) mode = LEAVE;
      else if (person.attendance === "fixed") mode = OFFICE;
      else if (problem.rotation === "weekly") {
        for (let e = 0; e < days; e++) {
          const other = modes[base + e];
          if (week[e] === week[d] && (other === OFFICE || other === HOME)) {
            mode = other;
            break;
          }
        }
      }
      modes[base + d] = mode;
    }
  }
}
