/**
 * What a replan changed: changes.csv (`employee_id,name,agency_id,date,before,after`), the
 * counts per agency for the summary, and the people a planner must notify for the report.
 */
import { MODE_NAMES, type Problem, type Roster } from "../domain/problem.js";
import { csvCell, inputCell } from "../io/csvText.js";
import { UNKNOWN, type PreviousRoster } from "./previous.js";

export interface NotifyPerson {
  id: string;
  name: string;
  /** The changed workdays, ISO, ascending. */
  dates: string[];
}

export interface AgencyChanges {
  agencyId: string;
  agency: string;
  /** Changed assignments from `--from` on. */
  changed: number;
  /** Changed published days (leave.csv or the rules now say otherwise). */
  publishedChanged: number;
  /** Everyone with at least one changed day, in input order. */
  people: NotifyPerson[];
}

export interface ReplanSummary {
  /** The first replanned workday (ISO), or `--from` as given when it is past the horizon. */
  from: string;
  /** Person-days before `from` of people in both rosters, and how many kept their mode. */
  published: number;
  kept: number;
  publishedChanged: number;
  /** Changed assignments from `from` on, over everyone (people who joined included). */
  changed: number;
  /** People with at least one changed day. */
  people: number;
  joined: number;
  left: number;
  /** Published agency-days above today's cap, kept as published. */
  overCap: number;
  /** Agencies with a change, in input order. */
  agencies: AgencyChanges[];
}

/**
 * Compare the previous roster with the replanned one.
 *
 * @returns the summary and the text of changes.csv (rows in person input order, then date)
 */
export function replanChanges(problem: Problem, previous: PreviousRoster, roster: Roster, fromDay: number, from: string, counts: { published: number; joined: number; overCap: number }): { summary: ReplanSummary; csv: string } {
  const days = problem.calendar.days;
  const n = days.length;
  const lines = ["employee_id,name,agency_id,date,before,after"];
  const byAgency = new Map<number, AgencyChanges>();
  let kept = 0;
  let publishedChanged = 0;
  let changed = 0;
  let people = 0;
  for (let i = 0; i < problem.people.length; i++) {
    const person = problem.people[i];
    const base = person.index * n;
    const listed = previous.listed[person.index] === 1;
    let dates: string[] | null = null; // made on the first change: most people have none
    let mineChanged = 0;
    let minePublished = 0;
    for (let d = listed ? 0 : fromDay; d < n; d++) {
      const before = previous.modes[base + d];
      const after = roster.modes[base + d];
      if (before === after) {
        if (d < fromDay) kept++;
        continue;
      }
      if (d < fromDay) minePublished++;
      else mineChanged++;
      (dates ??= []).push(days[d]);
      const beforeName = before === UNKNOWN ? "" : MODE_NAMES[before];
      lines.push(`${inputCell(person.id)},${inputCell(person.name)},${inputCell(problem.agencies[person.agency].id)},${days[d]},${beforeName},${csvCell(MODE_NAMES[after])}`);
    }
    if (dates === null) continue;
    people++;
    changed += mineChanged;
    publishedChanged += minePublished;
    const agency = problem.agencies[person.agency];
    let entry = byAgency.get(agency.index);
    if (!entry) byAgency.set(agency.index, (entry = { agencyId: agency.id, agency: agency.name, changed: 0, publishedChanged: 0, people: [] }));
    entry.changed += mineChanged;
    entry.publishedChanged += minePublished;
    entry.people.push({ id: person.id, name: person.name, dates });
  }
  const agencies = [...byAgency.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  const summary: ReplanSummary = {
    from: days[fromDay] ?? from, published: counts.published, kept, publishedChanged, changed, people,
    joined: counts.joined, left: previous.left.length, overCap: counts.overCap, agencies,
  };
  return { summary, csv: `${lines.join("\n")}\n` };
}

/**
 * Changed assignments on workdays `fromDay` onward between two rosters of the same problem
 * (used to compare a replan with a fresh solve).
 */
export function changedFrom(a: Roster, b: Roster, fromDay: number): { changed: number; people: number } {
  const n = a.days;
  let changed = 0;
  let people = 0;
  for (let base = 0; base < a.modes.length; base += n) {
    let mine = 0;
    for (let d = fromDay; d < n; d++) if (a.modes[base + d] !== b.modes[base + d]) mine++;
    changed += mine;
    if (mine > 0) people++;
  }
  return { changed, people };
}
