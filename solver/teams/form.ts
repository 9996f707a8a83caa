/**
 * Shift teams, step 1: how many teams an agency gets, who is in which, and whose turn each
 * workday is (docs/teams.md).
 *
 * - The room: the most rotating people the cap leaves beside the fixed staff (mandatory,
 *   non-rotating employment) who are in, the smallest over the workdays (days with a dated
 *   cap aside: on those a team that does not fit stays home, see `turns`).
 * - The count: given, or the fewest teams whose largest team fits the room,
 *   `ceil(members / room)`, and enough that no team holds more of a rule's people than its
 *   `max_per_day` leaves beside the fixed staff.
 * - Members: the rotating staff; health-priority staff only where a rule's minimum needs
 *   them (each team must carry `min_per_day` minus the fixed matches), so they stay home
 *   otherwise. People a rule's maximum leaves no place for are in no team (home).
 * - Dealing: by (rank, unit, input order), each person to the team holding fewest of their
 *   (rank, unit) class, then fewest of the people the rules they match count, then the
 *   smallest team; never above `ceil(members / count)` and, where it can, never above a rule's
 *   maximum. Each team so carries the ranks and units the composition rules need.
 * - Turns: block b (a workday, or a calendar week) is team `b mod count`'s turn, so the teams'
 *   office blocks differ by at most one; teams are numbered least served first (history).
 */
import type { InfeasibleCause } from "../../src/domain/errors.js";
import { capBasisOn, capOn, ruleMatches, type Agency, type CompositionRule, type Person, type Problem } from "../../src/domain/problem.js";
import type { AgencyTeams } from "../../src/domain/teams.js";
import { RANKS, unitKey } from "../../src/domain/values.js";

const RANK_ORDER = new Map<string, number>(RANKS.map((r, i) => [r, i]));

export function onLeave(person: Person, day: number): boolean {
  return person.leave !== null && person.leave[day] === 1;
}

/** Who a rule counts, in words: "eselon_3", "eselon_4 of unit Perpustakaan", "staff of unit X". */
export function ruleWho(rule: CompositionRule): string {
  const who = rule.rank ?? "staff";
  return rule.unit === null ? who : `${who} of unit ${rule.unit}`;
}

/** What the rules and the cap leave for the rotating staff of one agency. */
export interface AgencyFrame {
  agency: Agency;
  days: number;
  /** Fixed staff in the office (not on leave) per workday. */
  fixedIn: Int32Array;
  /** Per rule, fixed staff it matches in the office per workday. */
  fixedMatch: Int32Array[];
  /** Smallest room under the cap beside the fixed staff, and the first workday it occurs on. */
  room: number;
  roomDay: number;
  /** Per rule: matching members each team must carry (min minus fixed matches, the largest over the workdays). */
  need: number[];
  /** Per rule: most matching members a team may hold (max minus fixed matches, the smallest); Infinity without max. */
  allow: number[];
}

export function agencyFrame(problem: Problem, agency: Agency): AgencyFrame {
  const days = problem.calendar.days.length;
  const fixedIn = new Int32Array(days);
  const fixedMatch = agency.rules.map(() => new Int32Array(days));
  for (const p of agency.people) {
    const person = problem.people[p];
    if (person.attendance !== "fixed") continue;
    const matches = agency.rules.map((rule) => ruleMatches(rule, person));
    for (let d = 0; d < days; d++) {
      if (onLeave(person, d)) continue;
      fixedIn[d]++;
      matches.forEach((m, r) => (m ? fixedMatch[r][d]++ : 0));
    }
  }
  // Size teams on the days under the agency's own cap; dated caps (caps.csv) only where every day has one.
  const sizing: number[] = [];
  for (let d = 0; d < days; d++) if (agency.dayCaps?.[d] === undefined || agency.dayCaps?.[d] === null) sizing.push(d);
  if (sizing.length === 0) for (let d = 0; d < days; d++) sizing.push(d);
  let room = Infinity;
  let roomDay = 0;
  for (const d of sizing) {
    const left = (capOn(agency, d) ?? Infinity) - fixedIn[d];
    if (left < room) [room, roomDay] = [left, d];
  }
  const need = agency.rules.map((rule, r) => {
    let most = 0;
    for (let d = 0; d < days; d++) most = Math.max(most, rule.min - fixedMatch[r][d]);
    return most;
  });
  const allow = agency.rules.map((rule, r) => {
    if (rule.max === null) return Infinity;
    let least = Infinity;
    for (let d = 0; d < days; d++) least = Math.min(least, rule.max - fixedMatch[r][d]);
    return least;
  });
  return { agency, days, fixedIn, fixedMatch, room, roomDay, need, allow };
}

export interface TeamPlan extends AgencyTeams {
  /**
   * Rotating and health-priority people in no team (input order): priority people the rules
   * do not need, people a rule's maximum leaves no place for, everyone when no team fits.
   * They are home unless called in as stand-ins.
   */
  outside: number[];
  causes: InfeasibleCause[];
}

const ceilDiv = (a: number, b: number): number => Math.ceil(a / b);

/** Teams needed so that `members` fit the room and every rule's maximum. */
function teamsNeeded(frame: AgencyFrame, problem: Problem, members: number[]): number {
  if (members.length === 0 || frame.room <= 0) return 0;
  let count = Math.max(1, ceilDiv(members.length, frame.room));
  frame.agency.rules.forEach((rule, r) => {
    const allow = frame.allow[r];
    if (!Number.isFinite(allow) || allow <= 0) return;
    const matching = members.filter((p) => ruleMatches(rule, problem.people[p])).length;
    count = Math.max(count, ceilDiv(matching, allow));
  });
  return count;
}

/** Health-priority people a rule's minimum needs in the teams (input order), beside `members`. */
function priorityNeeded(frame: AgencyFrame, problem: Problem, members: number[], priority: number[], count: number): number[] {
  const added: number[] = [];
  const taken = new Set<number>();
  frame.agency.rules.forEach((rule, r) => {
    if (frame.need[r] <= 0) return;
    let have = [...members, ...added].filter((p) => ruleMatches(rule, problem.people[p])).length;
    for (const p of priority) {
      if (have >= count * frame.need[r]) break;
      if (taken.has(p) || !ruleMatches(rule, problem.people[p])) continue;
      taken.add(p);
      added.push(p);
      have++;
    }
  });
  return added.sort((a, b) => a - b);
}

/** A dealing: the teams (each in input order), whether someone had to go past a rule's maximum, and who found no place. */
export interface Dealt {
  teams: number[][];
  relaxed: boolean;
  /** Members no team had room for (beside the stand-ins it needs): home, in no team. */
  left: number[];
}

/**
 * Deal `members` into `count` teams (see the module comment), in two rounds: first the
 * people a rule's minimum counts, then the rest, each team taking at most
 * `ceil(members / count)` and, in the second round, no more than leaves room under the cap
 * for the stand-ins the first round left it short of (`shortfall`).
 */
export function dealTeams(problem: Problem, frame: AgencyFrame, members: number[], count: number): Dealt {
  const teams: number[][] = Array.from({ length: count }, () => []);
  const dealt: Dealt = { teams, relaxed: false, left: [] };
  if (count === 0) return dealt;
  const rules = frame.agency.rules;
  const byRankUnit = (a: number, b: number): number => {
    const x = problem.people[a];
    const y = problem.people[b];
    const [u, v] = [unitKey(x.unit), unitKey(y.unit)];
    return RANK_ORDER.get(x.rank)! - RANK_ORDER.get(y.rank)! || (u < v ? -1 : u > v ? 1 : 0) || a - b;
  };
  const needed = (p: number): boolean => rules.some((rule, r) => frame.need[r] > 0 && ruleMatches(rule, problem.people[p]));
  const first = members.filter(needed).sort(byRankUnit);
  const rest = members.filter((p) => !needed(p)).sort(byRankUnit);
  const maxSize = ceilDiv(members.length, count);
  const limit = new Int32Array(count).fill(maxSize);
  const classCount = new Map<string, Int32Array>();
  const ruleCount = rules.map(() => new Int32Array(count));
  const place = (p: number): void => {
    const person = problem.people[p];
    const cls = `${person.rank}\u0000${unitKey(person.unit)}`;
    let inClass = classCount.get(cls);
    if (inClass === undefined) classCount.set(cls, (inClass = new Int32Array(count)));
    const matches = rules.map((rule) => ruleMatches(rule, person));
    let best = -1;
    let bestKey: number[] = [];
    for (const strict of [true, false]) {
      for (let t = 0; t < count; t++) {
        if (teams[t].length >= limit[t]) continue;
        if (strict && matches.some((m, r) => m && ruleCount[r][t] >= frame.allow[r])) continue;
        let needScore = 0;
        matches.forEach((m, r) => (m && frame.need[r] > 0 ? (needScore += ruleCount[r][t]) : 0));
        const key = [inClass[t], needScore, teams[t].length, t];
        if (best < 0 || lexLess(key, bestKey)) [best, bestKey] = [t, key];
      }
      if (best >= 0) break;
    }
    if (best < 0) {
      dealt.left.push(p);
      return;
    }
    if (matches.some((m, r) => m && ruleCount[r][best] >= frame.allow[r])) dealt.relaxed = true;
    teams[best].push(p);
    inClass[best]++;
    matches.forEach((m, r) => (m ? ruleCount[r][best]++ : 0));
  };
  first.forEach(place);
  teams.forEach((team, t) => (limit[t] = Math.max(team.length, Math.min(maxSize, frame.room - shortfall(problem, frame, team)))));
  rest.forEach(place);
  for (const team of teams) team.sort((a, b) => a - b);
  dealt.left.sort((a, b) => a - b);
  return dealt;
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/**
 * The stand-ins a team needs on each of its days even with nobody on leave: for each rule,
 * its minimum (beside the fixed staff) less the team's matching members. An upper bound
 * (one person may count for two rules).
 */
export function shortfall(problem: Problem, frame: AgencyFrame, team: number[]): number {
  let short = 0;
  frame.agency.rules.forEach((rule, r) => {
    if (frame.need[r] <= 0) return;
    const matching = team.filter((p) => ruleMatches(rule, problem.people[p])).length;
    short += Math.max(0, frame.need[r] - matching);
  });
  return short;
}

/** True when every member has a place, every team keeps every maximum and fits the room with the stand-ins it needs. */
function fits(problem: Problem, frame: AgencyFrame, dealt: Dealt): boolean {
  return !dealt.relaxed && dealt.left.length === 0 && dealt.teams.every((team) => team.length + shortfall(problem, frame, team) <= frame.room);
}

/** Teams tried above the first count that fits the room, looking for one that also fits the stand-ins. */
const MORE_TEAMS_TRIED = 64;

/**
 * Teams in turn order: the least served first, by their members' mean office days before
 * this horizon (history.csv), so that a team left without a turn at the end of one period
 * (weekly turns, more teams than weeks) goes first in the next; dealing order breaks ties.
 */
export function leastServedFirst(problem: Problem, teams: number[][]): number[][] {
  const served = teams.map((team) => (team.length === 0 ? 0 : team.reduce((sum, p) => sum + problem.people[p].history, 0) / team.length));
  return teams.map((team, t) => ({ team, t })).sort((x, y) => served[x.t] - served[y.t] || x.t - y.t).map((x) => x.team);
}

/** Block index of each workday: the day itself, or its calendar week. */
export function blockOf(problem: Problem, period: "day" | "week"): number[] {
  return period === "day" ? problem.calendar.days.map((_, d) => d) : [...problem.calendar.week];
}

/**
 * The team on turn each workday: block b is team `b mod count`'s; -1 on a day where the
 * team's present members do not fit the cap in force (a dated cap below the room).
 */
export function turns(problem: Problem, frame: AgencyFrame, teams: number[][], period: "day" | "week"): Int32Array {
  const blocks = blockOf(problem, period);
  const turn = new Int32Array(frame.days).fill(-1);
  if (teams.length === 0) return turn;
  for (let d = 0; d < frame.days; d++) {
    const t = blocks[d] % teams.length;
    const present = teams[t].filter((p) => !onLeave(problem.people[p], d)).length;
    const cap = capOn(frame.agency, d);
    turn[d] = cap !== null && frame.fixedIn[d] + present > cap ? -1 : t;
  }
  return turn;
}

/** Fixed staff alone above the cap: no roster at all (the count solver's cause, same words). */
function fixedOverCap(problem: Problem, frame: AgencyFrame): InfeasibleCause[] {
  const causes: InfeasibleCause[] = [];
  const { agency } = frame;
  for (let d = 0; d < frame.days; d++) {
    const cap = capOn(agency, d);
    if (cap === null || frame.fixedIn[d] <= cap) continue;
    const reasons = new Map<string, number>();
    for (const p of agency.people) {
      const person = problem.people[p];
      if (person.attendance === "fixed" && !onLeave(person, d)) reasons.set(person.fixedBy!, (reasons.get(person.fixedBy!) ?? 0) + 1);
    }
    const date = problem.calendar.days[d];
    causes.push({
      code: "infeasible.fixed_over_cap", rule: "capPerAgencyDay", agencyId: agency.id, date,
      values: { agency: agency.name, date, fixed: frame.fixedIn[d], reasons: [...reasons].map(([why, n]) => `${n} ${why}`).join(", "), cap, basis: capBasisOn(agency, d) },
    });
  }
  return causes;
}

/** Rules no roster can keep whatever the teams (the count solver's causes, same words): a cap below min_office, a maximum below the fixed staff it counts. */
function rulesAgainstFixed(problem: Problem, frame: AgencyFrame): InfeasibleCause[] {
  const causes: InfeasibleCause[] = [];
  const { agency } = frame;
  for (let d = 0; d < frame.days; d++) {
    const date = problem.calendar.days[d];
    const cap = capOn(agency, d);
    if (cap !== null && cap < agency.minOffice) {
      causes.push({ code: "infeasible.cap_below_min_office", rule: "minOfficePerAgencyDay", agencyId: agency.id, date, values: { agency: agency.name, date, min: agency.minOffice, cap, basis: capBasisOn(agency, d) } });
    }
    agency.rules.forEach((rule, r) => {
      if (rule.max === null || frame.fixedMatch[r][d] <= rule.max) return;
      causes.push({ code: "infeasible.rule_max_below_fixed", rule: "compositionRule", agencyId: agency.id, date, values: { agency: agency.name, date, line: rule.line, max: rule.max, who: ruleWho(rule), fixed: frame.fixedMatch[r][d] } });
    });
  }
  return causes;
}

/** The teams of one non-exempt agency, their turns, and the causes when they cannot be formed. */
export function planTeams(problem: Problem, agencyIndex: number): TeamPlan {
  const agency = problem.agencies[agencyIndex];
  const setting = problem.teams ?? { count: null, period: "day" as const };
  const frame = agencyFrame(problem, agency);
  const plan: TeamPlan = { agency: agencyIndex, count: 0, room: Number.isFinite(frame.room) ? frame.room : agency.people.length, members: [], turn: new Int32Array(frame.days).fill(-1), outside: [], causes: [...fixedOverCap(problem, frame), ...rulesAgainstFixed(problem, frame)] };
  if (plan.causes.length > 0) return plan;

  // A rule's maximum may leave no place at all for its people: they stay home, in no team.
  const barred = (p: number): boolean => agency.rules.some((rule, r) => frame.allow[r] <= 0 && ruleMatches(rule, problem.people[p]));
  const rotating: number[] = [];
  const priority: number[] = [];
  for (const p of agency.people) {
    const person = problem.people[p];
    if (person.attendance === "fixed") continue;
    if (barred(p)) plan.outside.push(p);
    else (person.attendance === "rotating" ? rotating : priority).push(p);
  }

  // The members for a count: the rotating staff, and the priority staff the rules need.
  const withPriority = (count: number): number[] => [...rotating, ...priorityNeeded(frame, problem, rotating, priority, count)].sort((a, b) => a - b);
  let count = 0;
  let members: number[] = [];
  let dealt: Dealt | null = null;
  if (setting.count !== null) {
    count = setting.count;
    members = withPriority(count);
  } else if (frame.room > 0) {
    // The fewest teams that fit the room and every maximum; then, where a team short of a
    // rule's people would need stand-ins every day, more teams until those fit too.
    let first: { count: number; members: number[]; dealt: Dealt | null } | null = null;
    let k = Math.max(1, teamsNeeded(frame, problem, rotating));
    let limit = Infinity;
    while (k <= limit) {
      const m = withPriority(k);
      const more = teamsNeeded(frame, problem, m);
      if (more > k) {
        k = more;
        continue;
      }
      const tried = m.length === 0 ? null : dealTeams(problem, frame, m, k);
      if (first === null) {
        first = { count: k, members: m, dealt: tried };
        limit = k + MORE_TEAMS_TRIED;
      }
      if (tried === null) break;
      if (fits(problem, frame, tried)) {
        [count, members, dealt] = [k, m, tried];
        break;
      }
      k++;
    }
    // None fits: the fewest teams, members without a place at home (they may stand in).
    if (dealt === null && first !== null) [count, members, dealt] = [first.count, first.members, first.dealt];
  }
  if (members.length === 0) count = 0;
  if (count === 0) {
    // Nobody to deal, or no room beside the fixed staff: no team; everyone rotating stays home.
    plan.outside.push(...rotating, ...priority);
    plan.outside.sort((a, b) => a - b);
    return plan;
  }

  // A given count must fit the room and every rule's maximum.
  const date = problem.calendar.days[frame.roomDay];
  const largest = ceilDiv(members.length, count);
  if (largest > frame.room) {
    plan.causes.push({
      code: "infeasible.teams_too_big", rule: "capPerAgencyDay", agencyId: agency.id, date,
      values: {
        agency: agency.name, date, count, size: largest, members: members.length, cap: capOn(agency, frame.roomDay) ?? "-", basis: capBasisOn(agency, frame.roomDay),
        room: Math.max(0, frame.room), fixed: frame.fixedIn[frame.roomDay], needed: frame.room > 0 ? ceilDiv(members.length, frame.room) : "-",
      },
    });
  }
  agency.rules.forEach((rule, r) => {
    if (!Number.isFinite(frame.allow[r])) return;
    const matching = members.filter((p) => ruleMatches(rule, problem.people[p])).length;
    if (ceilDiv(matching, count) <= frame.allow[r]) return;
    plan.causes.push({
      code: "infeasible.teams_rule_max", rule: "compositionRule", agencyId: agency.id, date,
      values: { agency: agency.name, date, line: rule.line, max: rule.max!, who: ruleWho(rule), allow: frame.allow[r], count, matching, needed: ceilDiv(matching, frame.allow[r]) },
    });
  });
  if (plan.causes.length > 0) return plan;

  plan.count = count;
  dealt ??= dealTeams(problem, frame, members, count);
  plan.members = leastServedFirst(problem, dealt.teams);
  plan.turn = turns(problem, frame, plan.members, setting.period);
  const inTeam = new Set(plan.members.flat());
  for (const p of [...rotating, ...priority]) if (!inTeam.has(p)) plan.outside.push(p);
  plan.outside.sort((a, b) => a - b);
  return plan;
}
