/**
 * The hard rules of DESIGN.md "Semantics", each written once as a named function over
 * `(problem, roster)`. They share nothing with the solver, so that a solver bug cannot hide
 * itself: `solve` runs `verifyRoster` on every roster before writing it, `check` runs it on
 * rosters made by hand.
 *
 * Speed: a national run is 1,000,000 people x 20 days, so every rule is a loop over the
 * mode bytes with per-agency per-day counts in typed arrays; objects are built only for
 * violations, at most `sink.limit` per rule. Rules that look at single person-days first
 * count with a fast person-major pass and, only when something is wrong, walk again in
 * report order (agency, date, person) to keep the first violations.
 */
import { HOME, LEAVE, MODE_NAMES, OFFICE, type Agency, type Person, type Problem, type Roster } from "../domain/problem.js";
import type { MessageValues } from "../messages/index.js";
import { HARD_RULE_NAMES, ViolationSink, type HardRule, type HardRuleName, type Verification, type Violation } from "./types.js";

/** Throws when the roster does not have one mode per person per workday of the problem. */
function assertShape(problem: Problem, roster: Roster): number {
  const days = problem.calendar.days.length;
  if (roster.days !== days || roster.modes.length !== problem.people.length * days) {
    throw new Error(`roster shape ${roster.modes.length} modes / ${roster.days} days does not match ${problem.people.length} people x ${days} workdays`);
  }
  return days;
}

/** How a person is named in messages: id, then name when there is one. */
function employeeLabel(person: Person): string {
  return person.name === "" || person.name === person.id ? person.id : `${person.id} ${person.name}`;
}

function modeName(mode: number): string {
  return MODE_NAMES[mode] ?? String(mode);
}

function personValues(problem: Problem, person: Person, day: number, mode: number): MessageValues {
  return {
    employee: employeeLabel(person),
    agency: problem.agencies[person.agency].name,
    date: problem.calendar.days[day],
    mode: modeName(mode),
  };
}

/**
 * The skeleton of a rule judged on single person-days. `bad(person, day, mode)` returns
 * the message code of the violation or null. Pass 1 counts per agency, person-major (the
 * order of the bytes); pass 2, only for agencies with violations and only while the sink
 * has room, walks day by day and keeps them in report order.
 */
function perPersonDay(
  rule: HardRuleName,
  problem: Problem,
  roster: Roster,
  sink: ViolationSink,
  applies: (person: Person) => boolean,
  bad: (person: Person, day: number, mode: number) => Violation["code"] | null,
  extra?: (person: Person) => MessageValues,
): Violation[] {
  const days = assertShape(problem, roster);
  const modes = roster.modes;
  const perAgency = new Int32Array(problem.agencies.length);
  let any = false;
  for (const person of problem.people) {
    if (!applies(person)) continue;
    const base = person.index * days;
    let n = 0;
    for (let d = 0; d < days; d++) if (bad(person, d, modes[base + d]) !== null) n++;
    if (n > 0) {
      perAgency[person.agency] += n;
      any = true;
    }
  }
  if (!any) return sink.kept;
  for (const agency of problem.agencies) {
    const n = perAgency[agency.index];
    if (n === 0) continue;
    sink.countOnly(n);
    if (sink.full) continue;
    for (let d = 0; d < days && !sink.full; d++) {
      for (const p of agency.people) {
        const person = problem.people[p];
        if (!applies(person)) continue;
        const mode = modes[p * days + d];
        const code = bad(person, d, mode);
        if (code === null) continue;
        const values = extra ? { ...personValues(problem, person, d, mode), ...extra(person) } : personValues(problem, person, d, mode);
        if (!sink.keep({ rule, code, agencyId: agency.id, employeeId: person.id, date: problem.calendar.days[d], values })) break;
      }
    }
  }
  return sink.kept;
}

/** Guard: every mode byte is HOME (0), OFFICE (1) or LEAVE (2). */
export function unknownMode(problem: Problem, roster: Roster, sink: ViolationSink = new ViolationSink()): Violation[] {
  const modes = roster.modes;
  let found = false;
  for (let i = 0; i < modes.length; i++) {
    if (modes[i] > LEAVE) {
      found = true;
      break;
    }
  }
  if (!found) {
    assertShape(problem, roster);
    return sink.kept;
  }
  return perPersonDay("unknownMode", problem, roster, sink, () => true, (_p, _d, mode) => (mode > LEAVE ? "violation.unknownMode" : null));
}

function onLeave(person: Person, day: number): boolean {
  return person.leave !== null && person.leave[day] === 1;
}

/** Rule 1: a leave day is LEAVE, and LEAVE is only on leave days. */
export function leaveIsLeave(problem: Problem, roster: Roster, sink: ViolationSink = new ViolationSink()): Violation[] {
  return perPersonDay("leaveIsLeave", problem, roster, sink, () => true, (person, day, mode) => {
    const leave = onLeave(person, day);
    if (leave && mode !== LEAVE) return "violation.leaveIsLeave";
    if (!leave && mode === LEAVE) return "violation.notLeave";
    return null;
  });
}

/** Rule 2: a fixed person (exempt agency, mandatory, non-rotating employment) is OFFICE on every non-leave day. */
export function fixedAlwaysIn(problem: Problem, roster: Roster, sink: ViolationSink = new ViolationSink()): Violation[] {
  return perPersonDay(
    "fixedAlwaysIn",
    problem,
    roster,
    sink,
    (person) => person.attendance === "fixed",
    (person, day, mode) => (mode !== OFFICE && !onLeave(person, day) ? "violation.fixedAlwaysIn" : null),
    (person) => ({ reason: person.fixedBy ?? "mandatory", employment: person.employment }),
  );
}

/** People in the office per agency per workday: `counts[agency * days + day]`. */
export function officeCounts(problem: Problem, roster: Roster): Int32Array {
  const days = assertShape(problem, roster);
  const counts = new Int32Array(problem.agencies.length * days);
  const modes = roster.modes;
  for (const person of problem.people) {
    const base = person.index * days;
    const row = person.agency * days;
    for (let d = 0; d < days; d++) if (modes[base + d] === OFFICE) counts[row + d]++;
  }
  return counts;
}

/** Rule 3a: a non-exempt agency has at most `cap` people in the office each workday. */
export function capPerAgencyDay(problem: Problem, roster: Roster, sink: ViolationSink = new ViolationSink()): Violation[] {
  const days = assertShape(problem, roster);
  const counts = officeCounts(problem, roster);
  for (const agency of problem.agencies) {
    if (agency.exempt || agency.cap === null) continue;
    for (let d = 0; d < days; d++) {
      const office = counts[agency.index * days + d];
      if (office > agency.cap && sink.take()) {
        const date = problem.calendar.days[d];
        sink.kept.push({
          rule: "capPerAgencyDay", code: "violation.capPerAgencyDay", agencyId: agency.id, date,
          values: { agency: agency.name, date, office, cap: agency.cap, basis: agency.capBasis },
        });
      }
    }
  }
  return sink.kept;
}

/** Rule 3b: a non-exempt agency has at least `minOffice` people in the office each workday. */
export function minOfficePerAgencyDay(problem: Problem, roster: Roster, sink: ViolationSink = new ViolationSink()): Violation[] {
  const days = assertShape(problem, roster);
  const counts = officeCounts(problem, roster);
  for (const agency of problem.agencies) {
    if (agency.exempt || agency.minOffice <= 0) continue;
    for (let d = 0; d < days; d++) {
      const office = counts[agency.index * days + d];
      if (office < agency.minOffice && sink.take()) {
        const date = problem.calendar.days[d];
        sink.kept.push({
          rule: "minOfficePerAgencyDay", code: "violation.minOfficePerAgencyDay", agencyId: agency.id, date,
          values: { agency: agency.name, date, office, min: agency.minOffice },
        });
      }
    }
  }
  return sink.kept;
}

/**
 * Office people matching each of the agency's rules per workday: `counts[rule * days + day]`.
 * Matches as `ruleMatches` does (any rank / any unit when null, units case-insensitive),
 * lower-casing each distinct unit once instead of once per person and rule.
 */
function ruleCounts(problem: Problem, roster: Roster, agency: Agency, days: number): Int32Array {
  const rules = agency.rules;
  const counts = new Int32Array(rules.length * days);
  const ruleUnits = rules.map((r) => (r.unit === null ? null : r.unit.toLowerCase()));
  const lower = new Map<string, string>();
  const modes = roster.modes;
  for (const p of agency.people) {
    const person = problem.people[p];
    let unit = lower.get(person.unit);
    if (unit === undefined) {
      unit = person.unit.toLowerCase();
      lower.set(person.unit, unit);
    }
    const base = p * days;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r];
      if ((rule.rank !== null && rule.rank !== person.rank) || (ruleUnits[r] !== null && ruleUnits[r] !== unit)) continue;
      const row = r * days;
      for (let d = 0; d < days; d++) if (modes[base + d] === OFFICE) counts[row + d]++;
    }
  }
  return counts;
}

/** Rule 4: for each composition rule of an agency, matching people in the office each workday within [min, max]. */
export function compositionRule(problem: Problem, roster: Roster, sink: ViolationSink = new ViolationSink()): Violation[] {
  const days = assertShape(problem, roster);
  for (const agency of problem.agencies) {
    const rules = agency.rules;
    if (rules.length === 0) continue;
    const counts = ruleCounts(problem, roster, agency, days);
    for (let d = 0; d < days; d++) {
      for (let r = 0; r < rules.length; r++) {
        const rule = rules[r];
        const count = counts[r * days + d];
        if ((count < rule.min || (rule.max !== null && count > rule.max)) && sink.take()) {
          const date = problem.calendar.days[d];
          const values: Record<string, string | number> = { agency: agency.name, date, count, line: rule.line, min: rule.min, rank: rule.rank ?? "", unit: rule.unit ?? "" };
          if (rule.max !== null) values.max = rule.max;
          sink.kept.push({ rule: "compositionRule", code: "violation.compositionRule", agencyId: agency.id, date, values });
        }
      }
    }
  }
  return sink.kept;
}

/** First workday of each week and one past its last: weeks are contiguous since days ascend. */
function weekBounds(problem: Problem): { first: Int32Array; end: Int32Array } {
  const { week, weekStarts } = problem.calendar;
  const first = new Int32Array(weekStarts.length).fill(-1);
  const end = new Int32Array(weekStarts.length);
  for (let d = 0; d < week.length; d++) {
    if (first[week[d]] === -1) first[week[d]] = d;
    end[week[d]] = d + 1;
  }
  return { first, end };
}

/** Rule 5 (weekly rotation only): a rotating or priority person's non-leave modes are equal within each week. */
export function weeklyBlocks(problem: Problem, roster: Roster, sink: ViolationSink = new ViolationSink()): Violation[] {
  const days = assertShape(problem, roster);
  if (problem.rotation !== "weekly") return sink.kept;
  const { first, end } = weekBounds(problem);
  const weeks = first.length;
  const modes = roster.modes;
  const mixed = (base: number, w: number): [number, number] | null => {
    let office = 0;
    let home = 0;
    for (let d = first[w]; d < end[w]; d++) {
      const m = modes[base + d];
      if (m === OFFICE) office++;
      else if (m === HOME) home++;
    }
    return office > 0 && home > 0 ? [office, home] : null;
  };
  const perAgency = new Int32Array(problem.agencies.length);
  let any = false;
  for (const person of problem.people) {
    if (person.attendance === "fixed") continue;
    for (let w = 0; w < weeks; w++) {
      if (first[w] >= 0 && mixed(person.index * days, w) !== null) {
        perAgency[person.agency]++;
        any = true;
      }
    }
  }
  if (!any) return sink.kept;
  for (const agency of problem.agencies) {
    if (perAgency[agency.index] === 0) continue;
    sink.countOnly(perAgency[agency.index]);
    for (let w = 0; w < weeks && !sink.full; w++) {
      if (first[w] < 0) continue;
      const weekStart = problem.calendar.weekStarts[w];
      for (const p of agency.people) {
        const person = problem.people[p];
        if (person.attendance === "fixed") continue;
        const counts = mixed(p * days, w);
        if (counts === null) continue;
        const values = { employee: employeeLabel(person), agency: agency.name, week: weekStart, office: counts[0], home: counts[1] };
        if (!sink.keep({ rule: "weeklyBlocks", code: "violation.weeklyBlocks", agencyId: agency.id, employeeId: person.id, date: weekStart, values })) break;
      }
    }
  }
  return sink.kept;
}

/** The table of contents: every hard rule by name, in the order the verifier runs them. */
export const HARD_RULES: Readonly<Record<HardRuleName, HardRule>> = {
  unknownMode,
  leaveIsLeave,
  fixedAlwaysIn,
  capPerAgencyDay,
  minOfficePerAgencyDay,
  compositionRule,
  weeklyBlocks,
};

/**
 * Run every hard rule on a roster.
 *
 * @param limit most violations kept per rule (all are counted in `total`)
 * @returns the kept violations in report order (rule, agency, date, person), the count per
 *   rule, and whether any were left out
 * @example verifyRoster(problem, roster).ok //=> true for a roster the solver wrote
 */
export function verifyRoster(problem: Problem, roster: Roster, limit?: number): Verification {
  const violations: Violation[] = [];
  const total = {} as Record<HardRuleName, number>;
  let count = 0;
  let truncated = false;
  for (const name of HARD_RULE_NAMES) {
    const sink = new ViolationSink(limit);
    HARD_RULES[name](problem, roster, sink);
    for (const v of sink.kept) violations.push(v);
    total[name] = sink.total;
    count += sink.total;
    if (sink.total > sink.kept.length) truncated = true;
  }
  return { ok: count === 0, violations, total, count, truncated };
}
