/**
 * The hard rules of DESIGN.md "Semantics", each written once as a named function over
 * `(problem, roster)`. They share nothing with the solver, so that a solver bug cannot hide
 * itself: `solve` runs `verifyRoster` on every roster before writing it, `check` runs it on
 * rosters made by hand.
 *
 * Speed: a national run is 1,000,000 people x 20 days, so every rule is a loop over the
 * mode bytes and the people's typed-array facts, with per-agency per-day counts in typed
 * arrays; objects are built only for violations, at most `sink.limit` per rule. Rules that
 * judge single person-days first count with a fast person-major pass and, only when
 * something is wrong, walk again in report order (agency, date, person) to keep the first.
 */
import { HOME, LEAVE, MODE_NAMES, OFFICE, PIN_HOME, PIN_OFFICE, capBasisOn, capOn, weekOfficeBounds, type Person, type Problem, type Roster } from "../domain/problem.js";
import { RANKS, unitKey } from "../domain/values.js";
import type { MessageCode, MessageValues } from "../messages/index.js";
import { ATTEND_FIXED, factsOf, type Facts } from "./facts.js";
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

function personValues(problem: Problem, person: Person, day: number, mode: number): Record<string, string | number> {
  return {
    employee: employeeLabel(person),
    agency: problem.agencies[person.agency].name,
    date: problem.calendar.days[day],
    mode: MODE_NAMES[mode] ?? String(mode),
  };
}

/**
 * Second pass of a rule judged on single person-days, run only when the first pass counted
 * violations (`perAgency`): walks each such agency day by day, person by person, and keeps
 * violations in report order until the sink is full. `bad` returns the message code or null.
 */
function keepInOrder(
  rule: HardRuleName,
  problem: Problem,
  roster: Roster,
  sink: ViolationSink,
  perAgency: Int32Array,
  bad: (p: number, day: number, mode: number) => MessageCode | null,
  extra?: (person: Person, day: number) => MessageValues,
): Violation[] {
  const days = roster.days;
  const modes = roster.modes;
  for (const agency of problem.agencies) {
    const n = perAgency[agency.index];
    if (n === 0) continue;
    sink.countOnly(n);
    for (let d = 0; d < days && !sink.full; d++) {
      for (const p of agency.people) {
        const mode = modes[p * days + d];
        const code = bad(p, d, mode);
        if (code === null) continue;
        const person = problem.people[p];
        const values = personValues(problem, person, d, mode);
        if (extra) Object.assign(values, extra(person, d));
        if (!sink.keep({ rule, code, agencyId: agency.id, employeeId: person.id, date: problem.calendar.days[d], values })) break;
      }
    }
  }
  return sink.kept;
}

/** Guard: every mode byte is HOME (0), OFFICE (1) or LEAVE (2). */
export function unknownMode(problem: Problem, roster: Roster, sink: ViolationSink = new ViolationSink(), facts?: Facts): Violation[] {
  const days = assertShape(problem, roster);
  const modes = roster.modes;
  let first = -1;
  for (let i = 0; i < modes.length; i++) {
    if (modes[i] > LEAVE) {
      first = i;
      break;
    }
  }
  if (first < 0) return sink.kept;
  const agencyOf = (facts ?? factsOf(problem)).agencyOf;
  const perAgency = new Int32Array(problem.agencies.length);
  for (let i = first; i < modes.length; i++) if (modes[i] > LEAVE) perAgency[agencyOf[(i / days) | 0]]++;
  return keepInOrder("unknownMode", problem, roster, sink, perAgency, (_p, _d, mode) => (mode > LEAVE ? "violation.unknownMode" : null));
}

/** Rule 1: a leave day is LEAVE, and LEAVE is only on leave days. */
export function leaveIsLeave(problem: Problem, roster: Roster, sink: ViolationSink = new ViolationSink(), facts: Facts = factsOf(problem)): Violation[] {
  const days = assertShape(problem, roster);
  const modes = roster.modes;
  const { agencyOf, hasLeave } = facts;
  const perAgency = new Int32Array(problem.agencies.length);
  let any = false;
  for (let p = 0, base = 0; p < hasLeave.length; p++, base += days) {
    let n = 0;
    if (hasLeave[p] === 0) {
      for (let d = 0; d < days; d++) if (modes[base + d] === LEAVE) n++;
    } else {
      const leave = problem.people[p].leave!;
      for (let d = 0; d < days; d++) if ((leave[d] === 1) !== (modes[base + d] === LEAVE)) n++;
    }
    if (n > 0) {
      perAgency[agencyOf[p]] += n;
      any = true;
    }
  }
  if (!any) return sink.kept;
  return keepInOrder("leaveIsLeave", problem, roster, sink, perAgency, (p, day, mode) => {
    const onLeave = hasLeave[p] === 1 && problem.people[p].leave![day] === 1;
    if (onLeave && mode !== LEAVE) return "violation.leaveIsLeave";
    if (!onLeave && mode === LEAVE) return "violation.notLeave";
    return null;
  });
}

/** Rule 2: a fixed person (exempt agency, mandatory, non-rotating employment) is OFFICE on every non-leave day. */
export function fixedAlwaysIn(problem: Problem, roster: Roster, sink: ViolationSink = new ViolationSink(), facts: Facts = factsOf(problem)): Violation[] {
  const days = assertShape(problem, roster);
  const modes = roster.modes;
  const { agencyOf, attendance, hasLeave } = facts;
  const broken = (p: number, day: number, mode: number): boolean =>
    mode !== OFFICE && attendance[p] === ATTEND_FIXED && !(hasLeave[p] === 1 && problem.people[p].leave![day] === 1);
  const perAgency = new Int32Array(problem.agencies.length);
  let any = false;
  for (let p = 0, base = 0; p < attendance.length; p++, base += days) {
    if (attendance[p] !== ATTEND_FIXED) continue;
    let n = 0;
    for (let d = 0; d < days; d++) if (modes[base + d] !== OFFICE && broken(p, d, modes[base + d])) n++;
    if (n > 0) {
      perAgency[agencyOf[p]] += n;
      any = true;
    }
  }
  if (!any) return sink.kept;
  return keepInOrder(
    "fixedAlwaysIn", problem, roster, sink, perAgency,
    (p, day, mode) => (broken(p, day, mode) ? "violation.fixedAlwaysIn" : null),
    (person) => ({ reason: person.fixedBy ?? "mandatory", employment: person.employment }),
  );
}

/**
 * Rule 2b (requests.csv, and the published days of a replan): a person pinned to the office
 * is OFFICE that day, one pinned home is HOME. A pin on a leave day cannot hold and is
 * reported too (the solver names it as an infeasibility before solving).
 */
export function pinsHold(problem: Problem, roster: Roster, sink: ViolationSink = new ViolationSink(), facts: Facts = factsOf(problem)): Violation[] {
  const days = assertShape(problem, roster);
  const modes = roster.modes;
  const broken = (p: number, day: number, mode: number): boolean => {
    const code = problem.people[p].requests?.[day];
    return (code === PIN_OFFICE && mode !== OFFICE) || (code === PIN_HOME && mode !== HOME);
  };
  const perAgency = new Int32Array(problem.agencies.length);
  let any = false;
  for (let i = 0; i < problem.people.length; i++) {
    const person = problem.people[i];
    const requests = person.requests;
    if (!requests) continue;
    const base = person.index * days;
    let n = 0;
    // As `broken`, with the person's requests in hand (a replan pins or wishes every person-day).
    for (let d = 0; d < days; d++) {
      const code = requests[d];
      if ((code === PIN_OFFICE && modes[base + d] !== OFFICE) || (code === PIN_HOME && modes[base + d] !== HOME)) n++;
    }
    if (n > 0) {
      perAgency[facts.agencyOf[person.index]] += n;
      any = true;
    }
  }
  if (!any) return sink.kept;
  return keepInOrder(
    "pinsHold", problem, roster, sink, perAgency,
    (p, day, mode) => (broken(p, day, mode) ? "violation.pinsHold" : null),
    (person, day) => ({ pinned: person.requests?.[day] === PIN_OFFICE ? "office" : "home" }),
  );
}

/** People in the office per agency per workday: `counts[agency * days + day]`. */
export function officeCounts(problem: Problem, roster: Roster, facts: Facts = factsOf(problem)): Int32Array {
  const days = assertShape(problem, roster);
  const counts = new Int32Array(problem.agencies.length * days);
  const modes = roster.modes;
  const agencyOf = facts.agencyOf;
  for (let p = 0, base = 0; p < agencyOf.length; p++, base += days) {
    const row = agencyOf[p] * days;
    for (let d = 0; d < days; d++) if (modes[base + d] === OFFICE) counts[row + d]++;
  }
  return counts;
}

/** Rule 3a: a non-exempt agency has at most `cap` people in the office each workday. */
export function capPerAgencyDay(problem: Problem, roster: Roster, sink: ViolationSink = new ViolationSink(), facts: Facts = factsOf(problem)): Violation[] {
  const days = assertShape(problem, roster);
  const counts = officeCounts(problem, roster, facts);
  for (const agency of problem.agencies) {
    if (agency.exempt) continue;
    for (let d = 0; d < days; d++) {
      const cap = capOn(agency, d);
      if (cap === null) continue;
      const office = counts[agency.index * days + d];
      if (office > cap && sink.take()) {
        const date = problem.calendar.days[d];
        sink.kept.push({
          rule: "capPerAgencyDay", code: "violation.capPerAgencyDay", agencyId: agency.id, date,
          values: { agency: agency.name, date, office, cap, basis: capBasisOn(agency, d) },
        });
      }
    }
  }
  return sink.kept;
}

/** Rule 3b: a non-exempt agency has at least `minOffice` people in the office each workday. */
export function minOfficePerAgencyDay(problem: Problem, roster: Roster, sink: ViolationSink = new ViolationSink(), facts: Facts = factsOf(problem)): Violation[] {
  const days = assertShape(problem, roster);
  if (!problem.agencies.some((a) => !a.exempt && a.minOffice > 0)) return sink.kept;
  const counts = officeCounts(problem, roster, facts);
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

const RANK_INDEX = new Map<string, number>(RANKS.map((r, i) => [r, i]));

/**
 * Rule 4: for each composition rule of an agency, the people it matches (as `ruleMatches`
 * does: any rank / any unit when null, units by `unitKey`) in the office each workday
 * are within [min, max].
 */
export function compositionRule(problem: Problem, roster: Roster, sink: ViolationSink = new ViolationSink(), facts?: Facts): Violation[] {
  const days = assertShape(problem, roster);
  if (!problem.agencies.some((a) => a.rules.length > 0)) return sink.kept;
  const { rankOf, lowerOf, lowerIds } = facts ?? factsOf(problem);
  const modes = roster.modes;
  for (const agency of problem.agencies) {
    const rules = agency.rules;
    if (rules.length === 0) continue;
    const counts = new Int32Array(rules.length * days);
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r];
      const rank = rule.rank === null ? -1 : RANK_INDEX.get(rule.rank)!;
      // -2: a unit nobody has; matches nobody.
      const unit = rule.unit === null ? -1 : (lowerIds.get(unitKey(rule.unit)) ?? -2);
      const row = r * days;
      for (const p of agency.people) {
        if ((rank >= 0 && rankOf[p] !== rank) || (unit !== -1 && lowerOf[p] !== unit)) continue;
        const base = p * days;
        for (let d = 0; d < days; d++) if (modes[base + d] === OFFICE) counts[row + d]++;
      }
    }
    for (let d = 0; d < days; d++) {
      for (let r = 0; r < rules.length; r++) {
        const rule = rules[r];
        const count = counts[r * days + d];
        if ((count < rule.min || (rule.max !== null && count > rule.max)) && sink.take()) {
          const date = problem.calendar.days[d];
          const values: Record<string, string | number> = { agency: agency.name, date, count, source: rule.file ?? "rules.csv", line: rule.line, min: rule.min, rank: rule.rank ?? "", unit: rule.unit ?? "" };
          if (rule.max !== null) values.max = rule.max;
          sink.kept.push({ rule: "compositionRule", code: "violation.compositionRule", agencyId: agency.id, date, values });
        }
      }
    }
  }
  return sink.kept;
}

/** First workday of each week and one past its last (weeks are contiguous: days ascend). */
export function weekBounds(problem: Problem): { first: Int32Array; end: Int32Array } {
  const { week, weekStarts } = problem.calendar;
  const first = new Int32Array(weekStarts.length).fill(-1);
  const end = new Int32Array(weekStarts.length);
  for (let d = 0; d < week.length; d++) {
    if (first[week[d]] === -1) first[week[d]] = d;
    end[week[d]] = d + 1;
  }
  for (let w = 0; w < first.length; w++) if (first[w] === -1) first[w] = end[w] = 0;
  return { first, end };
}

/** Rule 5 (weekly rotation only): a rotating or priority person's non-leave modes are equal within each week. */
export function weeklyBlocks(problem: Problem, roster: Roster, sink: ViolationSink = new ViolationSink(), facts?: Facts): Violation[] {
  const days = assertShape(problem, roster);
  if (problem.rotation !== "weekly") return sink.kept;
  const { agencyOf, attendance } = facts ?? factsOf(problem);
  const { first, end } = weekBounds(problem);
  const weeks = first.length;
  const modes = roster.modes;
  const perAgency = new Int32Array(problem.agencies.length);
  let any = false;
  for (let p = 0, base = 0; p < attendance.length; p++, base += days) {
    if (attendance[p] === ATTEND_FIXED) continue;
    for (let w = 0; w < weeks; w++) {
      let office = 0;
      let home = 0;
      for (let d = first[w]; d < end[w]; d++) {
        const m = modes[base + d];
        if (m === OFFICE) office++;
        else if (m === HOME) home++;
      }
      if (office > 0 && home > 0) {
        perAgency[agencyOf[p]]++;
        any = true;
      }
    }
  }
  if (!any) return sink.kept;
  for (const agency of problem.agencies) {
    if (perAgency[agency.index] === 0) continue;
    sink.countOnly(perAgency[agency.index]);
    for (let w = 0; w < weeks && !sink.full; w++) {
      const weekStart = problem.calendar.weekStarts[w];
      for (const p of agency.people) {
        if (attendance[p] === ATTEND_FIXED) continue;
        let office = 0;
        let home = 0;
        for (let d = first[w]; d < end[w]; d++) {
          const m = modes[p * days + d];
          if (m === OFFICE) office++;
          else if (m === HOME) home++;
        }
        if (office === 0 || home === 0) continue;
        const person = problem.people[p];
        const values = { employee: employeeLabel(person), agency: agency.name, week: weekStart, office, home };
        if (!sink.keep({ rule: "weeklyBlocks", code: "violation.weeklyBlocks", agencyId: agency.id, employeeId: person.id, date: weekStart, values })) break;
      }
    }
  }
  return sink.kept;
}

/**
 * Flexible work (scenario.json `perPerson.officeDaysPerWeek`): in every full week, each
 * rotating or health-priority person's office days lie within the bounds `weekOfficeBounds`
 * gives that person and week (the minimum lowered by each holiday, leave day or day with a
 * cap of 0 in the week).
 */
export function officeDaysPerWeek(problem: Problem, roster: Roster, sink: ViolationSink = new ViolationSink(), facts?: Facts): Violation[] {
  const days = assertShape(problem, roster);
  const rule = problem.perPerson;
  if (!rule || !rule.fullWeeks.some(Boolean)) return sink.kept;
  const { attendance } = facts ?? factsOf(problem);
  const { first, end } = weekBounds(problem);
  const modes = roster.modes;
  for (const agency of problem.agencies) {
    for (let w = 0; w < first.length; w++) {
      if (rule.fullWeeks[w] !== true) continue;
      const weekStart = problem.calendar.weekStarts[w];
      for (const p of agency.people) {
        if (attendance[p] === ATTEND_FIXED) continue;
        let office = 0;
        for (let d = first[w]; d < end[w]; d++) if (modes[p * days + d] === OFFICE) office++;
        const person = problem.people[p];
        const bounds = weekOfficeBounds(problem, person, w);
        if (bounds === null || (office >= bounds.min && office <= bounds.max) || !sink.take()) continue;
        sink.kept.push({
          rule: "officeDaysPerWeek", code: "violation.officeDaysPerWeek", agencyId: agency.id, employeeId: person.id, date: weekStart,
          values: {
            employee: employeeLabel(person), agency: agency.name, week: weekStart, office, low: bounds.min, high: bounds.max, min: rule.min, max: rule.max,
            open: bounds.open, nominal: rule.nominalDays?.[w] ?? end[w] - first[w],
          },
        });
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
  pinsHold,
  capPerAgencyDay,
  minOfficePerAgencyDay,
  compositionRule,
  weeklyBlocks,
  officeDaysPerWeek,
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
  assertShape(problem, roster);
  const facts = factsOf(problem);
  const violations: Violation[] = [];
  const total = {} as Record<HardRuleName, number>;
  let count = 0;
  let truncated = false;
  for (const name of HARD_RULE_NAMES) {
    const sink = new ViolationSink(limit);
    HARD_RULES[name](problem, roster, sink, facts);
    for (const v of sink.kept) violations.push(v);
    total[name] = sink.total;
    count += sink.total;
    if (sink.total > sink.kept.length) truncated = true;
  }
  return { ok: count === 0, violations, total, count, truncated };
}
