/**
 * More wishes granted after the solver, at no cost to any objective: within one week, two
 * people of an agency trade days. If `a` is in the office on day `x` and home on day `y`
 * and `b` the other way round, swapping their modes on both days leaves every day's office
 * count, every person's total and weekly count as they were (objectives 1-4 and the weekly
 * deviation of objective 5), and can grant up to four wishes. A trade is made only when
 * every composition rule still holds on both days. `replan` wishes every day to its
 * published mode, so this is "fewest changed assignments" where the solver's own tie-break
 * leaves some.
 *
 * A second move exchanges totals: on one day `a` goes home and `b` comes in, where `a` had
 * one office day more than `b` over the horizon (history included) and both weigh the same
 * in the fair shares (available days plus prior workdays): the two swap their totals, so
 * the deviations from the fair shares are the same multiset as before (objectives 3-4). The
 * weekly figures of objective 5 may move: DESIGN ranks wishes above them; the office days
 * per person per full week of flexible work (`Problem.perPerson`) stay within their bounds.
 *
 * Who may trade: people of one agency with the same attendance (rotating, or health
 * priority: objective 2); rank and unit matter only through the rules that name them (the
 * fair shares of objective 3 are per person, whatever the rank or unit). The pipeline
 * verifies the roster after this pass and falls back to the solver's roster if a rule it
 * does not know of broke. Pinned and
 * leave days never move. Daily rotation only (in weekly rotation a person's week is one block).
 */
import { HOME, OFFICE, PIN_HOME, PIN_OFFICE, WISH_HOME, WISH_OFFICE, ruleMatches, weekOfficeBounds, type Agency, type Problem, type Roster } from "../domain/problem.js";

/** +1 when the person wishes `mode` that day, -1 when they wish the other mode, 0 otherwise. */
function wishFor(code: number, mode: number): number {
  if (code === WISH_OFFICE) return mode === OFFICE ? 1 : -1;
  if (code === WISH_HOME) return mode === HOME ? 1 : -1;
  return 0;
}

/** Candidates of the other side tried for one person before giving up (keeps big classes linear). */
const TRIES = 64;

/**
 * Trade days between people of one week wherever that grants more wishes than it takes back
 * and every rule still holds. Changes `roster` in place.
 *
 * @returns the number of trades made (each moves four person-days)
 * @example grantWishes(problem, roster) //=> 812
 */
export function grantWishes(problem: Problem, roster: Roster, skip: ReadonlySet<string> = new Set()): number {
  if (problem.rotation !== "daily") return 0;
  const weeks: number[][] = problem.calendar.weekStarts.map(() => []);
  problem.calendar.week.forEach((w, d) => weeks[w].push(d));
  let trades = 0;
  for (const agency of problem.agencies) {
    if (agency.exempt || skip.has(agency.id)) continue;
    const classes = new Map<string, number[]>();
    for (const p of agency.people) {
      const person = problem.people[p];
      if (person.attendance === "fixed" || !person.requests?.some((c) => c === WISH_OFFICE || c === WISH_HOME)) continue;
      const key = person.attendance;
      let members = classes.get(key);
      if (!members) classes.set(key, (members = []));
      members.push(p);
    }
    if (classes.size === 0) continue;
    const rules = new RuleCounts(problem, roster, agency);
    for (const members of classes.values()) {
      if (members.length < 2) continue;
      // Each move can open the way for the other: a few rounds until neither finds anything.
      // Exchanges are cheap (one pass over the wishes not granted): repeated until none is
      // left, before and after one round of trades (which cost a pass per pair of days).
      const exchanges = (): number => {
        let made = 0;
        for (let again = 0; again < 6; again++) {
          const exchanged = exchangeTotals(problem, roster, rules, members);
          made += exchanged;
          if (exchanged === 0) break;
        }
        return made;
      };
      trades += exchanges();
      let traded = 0;
      for (const days of weeks) traded += tradeWithinWeek(problem, roster, rules, members, days);
      trades += traded;
      if (traded > 0) trades += exchanges();
    }
  }
  return trades;
}

/** Office counts of each composition rule of an agency per day, to keep every rule while trading. */
class RuleCounts {
  private readonly counts: Int32Array[];
  /** Per person of the agency (by index in `problem.people`): which rules count them. */
  private readonly matches = new Map<number, boolean[]>();

  constructor(problem: Problem, roster: Roster, private readonly agency: Agency) {
    const n = roster.days;
    this.counts = agency.rules.map(() => new Int32Array(n));
    for (const p of agency.people) {
      const m = agency.rules.map((rule) => ruleMatches(rule, problem.people[p]));
      this.matches.set(p, m);
      for (let d = 0; d < n; d++) if (roster.modes[p * n + d] === OFFICE) m.forEach((yes, r) => yes && this.counts[r][d]++);
    }
  }

  /** Whether every rule holds after `a` goes home and `b` comes in on `x`, and the other way on `y`. */
  allows(a: number, b: number, x: number, y: number): boolean {
    const ma = this.matches.get(a)!;
    const mb = this.matches.get(b)!;
    for (let r = 0; r < ma.length; r++) {
      const delta = (mb[r] ? 1 : 0) - (ma[r] ? 1 : 0);
      if (delta === 0) continue;
      const rule = this.agency.rules[r];
      for (const [d, change] of [[x, delta], [y, -delta]] as const) {
        const count = this.counts[r][d] + change;
        if (count < rule.min || (rule.max !== null && count > rule.max)) return false;
      }
    }
    return true;
  }

  /** Whether every rule holds after `a` goes home and `b` comes in on day `d`. */
  allowsDay(a: number, b: number, d: number): boolean {
    const ma = this.matches.get(a)!;
    const mb = this.matches.get(b)!;
    for (let r = 0; r < ma.length; r++) {
      const delta = (mb[r] ? 1 : 0) - (ma[r] ? 1 : 0);
      if (delta === 0) continue;
      const rule = this.agency.rules[r];
      const count = this.counts[r][d] + delta;
      if (count < rule.min || (rule.max !== null && count > rule.max)) return false;
    }
    return true;
  }

  tradeDay(a: number, b: number, d: number): void {
    const ma = this.matches.get(a)!;
    const mb = this.matches.get(b)!;
    for (let r = 0; r < ma.length; r++) this.counts[r][d] += (mb[r] ? 1 : 0) - (ma[r] ? 1 : 0);
  }

  trade(a: number, b: number, x: number, y: number): void {
    const ma = this.matches.get(a)!;
    const mb = this.matches.get(b)!;
    for (let r = 0; r < ma.length; r++) {
      const delta = (mb[r] ? 1 : 0) - (ma[r] ? 1 : 0);
      this.counts[r][x] += delta;
      this.counts[r][y] -= delta;
    }
  }
}

/**
 * Exchange totals between two people of equal weight on one day where that grants wishes
 * (see the module comment). Returns the number of exchanges made.
 */
function exchangeTotals(problem: Problem, roster: Roster, rules: RuleCounts, members: readonly number[]): number {
  const n = roster.days;
  const modes = roster.modes;
  // Per member: total (history + office) and weight (available days + prior workdays).
  const total = new Int32Array(members.length);
  const weight = new Int32Array(members.length);
  members.forEach((p, i) => {
    const person = problem.people[p];
    let avail = 0;
    let office = 0;
    for (let d = 0; d < n; d++) {
      if (person.leave !== null && person.leave[d] === 1) continue;
      avail++;
      if (modes[p * n + d] === OFFICE) office++;
    }
    total[i] = person.history + office;
    weight[i] = avail + person.priorWorkdays;
  });
  // Flexible work: office days per person in every full week stay within their bounds.
  const week = problem.calendar.week;
  const weeks = problem.calendar.weekStarts.length;
  const bounded = problem.perPerson !== null && problem.perPerson !== undefined;
  const inWeek = bounded ? new Int32Array(members.length * weeks) : null;
  const bounds = new Map<number, { min: number; max: number } | null>();
  const boundsOf = (i: number, w: number) => {
    const k = i * weeks + w;
    if (!bounds.has(k)) bounds.set(k, weekOfficeBounds(problem, problem.people[members[i]], w));
    return bounds.get(k)!;
  };
  if (inWeek !== null) {
    members.forEach((p, i) => {
      for (let d = 0; d < n; d++) if (modes[p * n + d] === OFFICE) inWeek[i * weeks + week[d]]++;
    });
  }
  const weekAllows = (i: number, j: number, d: number): boolean => {
    if (inWeek === null) return true;
    const w = week[d];
    const a = boundsOf(i, w);
    const b = boundsOf(j, w);
    return (a === null || inWeek[i * weeks + w] - 1 >= a.min) && (b === null || inWeek[j * weeks + w] + 1 <= b.max);
  };
  // Per day, who has a wish the roster does not grant: office wishing home (goers), home wishing office (comers).
  const goers: number[][] = Array.from({ length: n }, () => []);
  const comers: number[][] = Array.from({ length: n }, () => []);
  members.forEach((p, i) => {
    const requests = problem.people[p].requests!;
    for (let d = 0; d < n; d++) {
      const mode = modes[p * n + d];
      if (requests[d] === WISH_HOME && mode === OFFICE) goers[d].push(i);
      else if (requests[d] === WISH_OFFICE && mode === HOME) comers[d].push(i);
    }
  });
  // Weights and totals are whole numbers well below 2^20: one number keys the pair.
  const key = (weightOf: number, totalOf: number): number => weightOf * 1_048_576 + totalOf;
  let exchanges = 0;
  for (let d = 0; d < n; d++) {
    if (goers[d].length === 0 || comers[d].length === 0) continue;
    const byKey = new Map<number, number[]>();
    for (const j of comers[d]) {
      if (!movable(problem, modes, n, members[j], d)) continue;
      const k = key(weight[j], total[j]);
      let list = byKey.get(k);
      if (!list) byKey.set(k, (list = []));
      list.push(j);
    }
    for (const i of goers[d]) {
      const a = members[i];
      if (!movable(problem, modes, n, a, d)) continue;
      const list = byKey.get(key(weight[i], total[i] - 1));
      if (!list || list.length === 0) continue;
      const k = list.findIndex((j) => weekAllows(i, j, d) && rules.allowsDay(a, members[j], d));
      if (k === -1) continue;
      const j = list.splice(k, 1)[0];
      const b = members[j];
      modes[a * n + d] = HOME;
      modes[b * n + d] = OFFICE;
      rules.tradeDay(a, b, d);
      total[i]--;
      total[j]++;
      if (inWeek !== null) {
        inWeek[i * weeks + week[d]]--;
        inWeek[j * weeks + week[d]]++;
      }
      exchanges++;
    }
  }
  return exchanges;
}

/** Free to move: not a leave day, not pinned. */
function movable(problem: Problem, modes: Uint8Array, n: number, p: number, d: number): boolean {
  const m = modes[p * n + d];
  if (m !== OFFICE && m !== HOME) return false;
  const code = problem.people[p].requests?.[d];
  return code !== PIN_OFFICE && code !== PIN_HOME;
}

function tradeWithinWeek(problem: Problem, roster: Roster, rules: RuleCounts, members: readonly number[], days: readonly number[]): number {
  const n = roster.days;
  const modes = roster.modes;
  const w = days.length;
  // Only people with at least one movable office day and one movable home day can trade, and
  // a trade gains only through someone with a wish not granted or a day with no wish.
  const people = members.filter((p) => {
    let office = false;
    let home = false;
    let open = false;
    const requests = problem.people[p].requests!;
    for (const d of days) {
      if (!movable(problem, modes, n, p, d)) continue;
      if (modes[p * n + d] === OFFICE) office = true;
      else home = true;
      if (wishFor(requests[d], modes[p * n + d]) <= 0) open = true;
    }
    return office && home && open;
  });
  if (people.length < 2) return 0;
  const wish = people.map((p) => problem.people[p].requests!);
  const aIds = new Int32Array(people.length);
  const aGain = new Int8Array(people.length);
  const bIds = new Int32Array(people.length);
  const bGain = new Int8Array(people.length);
  const used = new Uint8Array(people.length);
  let trades = 0;
  for (let pass = 0; pass < 2; pass++) {
    let improved = false;
    // Wishes not granted per day of the week: a trade gains only where someone has one.
    const unmet = days.map((d) => people.reduce((k, p, i) => k + (wishFor(wish[i][d], modes[p * n + d]) < 0 ? 1 : 0), 0));
    for (let i = 0; i < w; i++) {
      for (let j = 0; j < w; j++) {
        if (i === j || unmet[i] + unmet[j] === 0) continue;
        const x = days[i];
        const y = days[j];
        // a: office on x, home on y (to go home on x, in on y); b the other way round. Gains in
        // wishes (-4..4); both sides ordered by gain, best first (counting sort, stable).
        let na = 0;
        let nb = 0;
        const aCount = new Int32Array(9);
        const bCount = new Int32Array(9);
        const gains = new Int8Array(people.length).fill(-9);
        for (let k = 0; k < people.length; k++) {
          const p = people[k];
          const mx = modes[p * n + x];
          const my = modes[p * n + y];
          if (mx === my || !movable(problem, modes, n, p, x) || !movable(problem, modes, n, p, y)) continue;
          const r = wish[k];
          const gain = wishFor(r[x], my) - wishFor(r[x], mx) + wishFor(r[y], mx) - wishFor(r[y], my);
          gains[k] = gain;
          if (mx === OFFICE) aCount[gain + 4]++;
          else bCount[gain + 4]++;
        }
        const aStart = startsByGain(aCount);
        const bStart = startsByGain(bCount);
        for (let k = 0; k < people.length; k++) {
          const g = gains[k];
          if (g === -9) continue;
          const p = people[k];
          if (modes[p * n + x] === OFFICE) {
            const at = aStart[g + 4]++;
            aIds[at] = p;
            aGain[at] = g;
            na++;
          } else {
            const at = bStart[g + 4]++;
            bIds[at] = p;
            bGain[at] = g;
            nb++;
          }
        }
        if (na === 0 || nb === 0 || aGain[0] + bGain[0] <= 0) continue;
        used.fill(0, 0, nb);
        let first = 0;
        for (let ka = 0; ka < na && first < nb; ka++) {
          const a = aIds[ka];
          if (aGain[ka] + bGain[first] <= 0) break;
          for (let k = first, tried = 0; k < nb && tried < TRIES; k++) {
            if (used[k]) continue;
            if (aGain[ka] + bGain[k] <= 0) break;
            tried++;
            const b = bIds[k];
            if (!rules.allows(a, b, x, y)) continue;
            modes[a * n + x] = HOME;
            modes[a * n + y] = OFFICE;
            modes[b * n + x] = OFFICE;
            modes[b * n + y] = HOME;
            rules.trade(a, b, x, y);
            used[k] = 1;
            while (first < nb && used[first]) first++;
            trades++;
            improved = true;
            break;
          }
        }
      }
    }
    if (!improved) break;
  }
  return trades;
}

/** Where each gain's run starts when ordered from gain 4 down to -4, from the count per gain (`counts[gain + 4]`). */
function startsByGain(counts: Int32Array): Int32Array {
  const starts = new Int32Array(9);
  let at = 0;
  for (let g = 8; g >= 0; g--) {
    starts[g] = at;
    at += counts[g];
  }
  return starts;
}
