/**
 * Wishes granted after the solver, at no cost to objectives 1-4: a minimum-cost circulation
 * over the solver's roster, cancelled cycle by cycle until none gains (Klein's algorithm).
 * `replan` wishes every day to its published mode, so this is "fewest changed assignments".
 *
 * What may change, per agency (daily rotation): a person moves an office day from day `x` to
 * day `y` (both free: not leave, not pinned); on one day, one person's office day passes to
 * another whose deviation from the fair share is exactly one day lower (`dev_i = dev_j + 1`:
 * the two swap deviations, so the multiset of deviations, objectives 3 and 4, is unchanged;
 * for health-priority people, whose days are only summed by objective 2, any two). Each day
 * keeps its office count (objective 1); a person's total changes only by such swaps.
 *
 * The graph is compressed: a node per (day, rule signature), where a signature is the set of
 * composition rules that count a person, and a node per deviation level. (x, s) -> (y, s)
 * stands for the cheapest person of signature `s` who can move from `x` to `y`; (x, s) ->
 * level and level -> (y, s) are the losing and the gaining side of a swap. Costs are wishes
 * taken back minus wishes granted (each in {-2, 0, 2} per person-day). On each day, the
 * rules sit above the signatures as a tree when they are laminar (disjoint or nested, as in
 * every policy of the seeds: a rank's rule inside a unit, units side by side); a path through
 * the tree moves an office place from one signature to another, each tree edge present while
 * its rule stays within bounds. The circulation is then exact: when no negative cycle is left,
 * no set of changes that keeps objectives 1-4 by the moves above grants more wishes. Rules
 * that cross (a rank rule and a unit rule counting people of both) are not a network: there a
 * place passes between two signatures only where every rule allows that one exchange, and the
 * result can fall short of the optimum (docs/living.md). Each cycle is applied only after the
 * rules, the flexible-work bounds and the deviation multiset are checked on what it touched,
 * and the pipeline verifies the roster after this pass as well.
 */
import { HOME, OFFICE, PIN_HOME, PIN_OFFICE, WISH_HOME, WISH_OFFICE, ruleMatches, weekOfficeBounds, type Agency, type Problem, type Roster } from "../domain/problem.js";
import { sharesTurns, shareBasis } from "../domain/shares.js";

/**
 * Grant wishes where that costs no objective 1-4, agency by agency (`skip`: agencies left as
 * they are). Changes `roster` in place. Daily rotation only: in weekly rotation a person's
 * week is one block.
 *
 * @returns the number of improving changes made (swaps and cycles)
 * @example grantWishes(problem, roster) //=> 812
 */
export function grantWishes(problem: Problem, roster: Roster, skip: ReadonlySet<string> = new Set()): number {
  if (problem.rotation !== "daily") return 0;
  let cycles = 0;
  for (const agency of problem.agencies) {
    if (agency.exempt || skip.has(agency.id)) continue;
    // A gain needs a wish the roster does not grant.
    if (!agency.people.some((p) => openWish(problem, roster, p))) continue;
    cycles += new Circulation(problem, roster, agency).cancelCycles();
  }
  return cycles;
}

/** Whether a person who can move has a wish the roster does not grant. */
function openWish(problem: Problem, roster: Roster, p: number): boolean {
  const person = problem.people[p];
  const requests = person.requests;
  if (!requests || person.attendance === "fixed") return false;
  const n = roster.days;
  for (let d = 0; d < n; d++) {
    const mode = roster.modes[p * n + d];
    if ((requests[d] === WISH_OFFICE && mode === HOME) || (requests[d] === WISH_HOME && mode === OFFICE)) return true;
  }
  return false;
}

/** Flip cost of a person-day: wishes taken back minus granted if the mode flips, in {-2, 0, 2}. */
function flipCost(code: number, mode: number): number {
  if (code === WISH_OFFICE) return mode === OFFICE ? 2 : -2;
  if (code === WISH_HOME) return mode === HOME ? 2 : -2;
  return 0;
}

/** The key of a list of `personFor`: signature, day, mode and flip cost index. */
const listKey = (s: number, d: number, mode: number, t: number, days: number): number => ((s * days + d) * 2 + mode) * 3 + t;

/** Flip costs are indexed 0, 1, 2 for -2, 0, 2. */
const costIndex = (cost: number): number => (cost >> 1) + 1;
const costOf = (index: number): number => 2 * index - 2;

/** Edge kinds: a person moves a day; a place passes between signatures (crossing rules; laminar rules: a tree edge); a swap's losing and gaining side. */
const EDGE_MOVE = 0;
const EDGE_EXCHANGE = 1;
const EDGE_LOSE = 2;
const EDGE_GAIN = 3;
const EDGE_TREE = 4;

interface Edge {
  kind: number;
  from: number;
  to: number;
  cost: number;
  /** Move: days and signature; exchange: day and both signatures (`level` the second); lose/gain: day, signature, level key. */
  x: number;
  y: number;
  s: number;
  level: number;
}

/** A deviation level: people who may lose a day (deviation K / W) and who may gain one (K / W - 1). */
interface Level {
  key: number;
  node: number;
  lose: Int32Array;
  gain: Int32Array;
  losers: number;
  gainers: number;
  /** Who may lose (office) or gain (home) a day here, by `listKey` (see `personFor`). */
  lists: Map<number, number[]>;
}

/** The compressed residual graph of one agency, with the counts that say which edges exist. */
class Circulation {
  private readonly days: number;
  private readonly modes: Uint8Array;
  /** Agency people who can move (rotating or priority), by local index. */
  private readonly people: number[] = [];
  private readonly sig: Int32Array;
  private readonly sigMembers: number[][] = [];
  private readonly sigRules: boolean[][] = [];
  private readonly rotating: Uint8Array;
  /** Office days plus history (rotating people), for their deviation. */
  private readonly total: Float64Array;
  private readonly weight: Float64Array;
  private readonly weightSum: number;
  private readonly poolTotal: number;
  private readonly ruleCount: Int32Array;
  private readonly weeks: number;
  private readonly weekCount: Int32Array | null;
  private readonly weekBounds: ({ min: number; max: number } | null)[] | null;
  /** Move counts: ((s * days + x) * days + y) * 9 + fromCost * 3 + toCost. */
  private readonly move: Int32Array;
  private readonly levels = new Map<number, Level>();
  private readonly scratch: { office: Int32Array; home: Int32Array; costs: Int32Array; allows: Uint8Array };
  /** The rules as a tree when they are laminar (see `laminarTree`); null otherwise. */
  private readonly tree: RuleTree | null;
  private readonly banned = new Set<string>();
  /** Swaps made in bulk before the graph (`swapOnEachDay`). */
  private readonly swapped: number;
  /** Every wish granted after the swaps: nothing to search. */
  private readonly settled: boolean;
  /** Who can make each move cell (same index as `move`; see `personFor`). */
  private readonly moveLists: (number[] | undefined)[] = [];
  /** People flipped since the counts were last brought up to date (see `touch`). */
  private readonly dirty: Uint8Array;
  private readonly dirtyList: number[] = [];
  /** Per person-day, the list it was last entered in (`enlist`), so that it is entered once. */
  private readonly listedLevel: Float64Array;
  private readonly listedSlot: Int32Array;

  constructor(private readonly problem: Problem, roster: Roster, private readonly agency: Agency) {
    const n = (this.days = roster.days);
    this.modes = roster.modes;
    const sigIndex = new Map<string, number>();
    const sigOf: number[] = [];
    for (const p of agency.people) {
      const person = problem.people[p];
      if (person.attendance === "fixed") continue;
      const matches = agency.rules.map((rule) => ruleMatches(rule, person));
      const key = matches.map((m) => (m ? "1" : "0")).join("");
      let s = sigIndex.get(key);
      if (s === undefined) {
        sigIndex.set(key, (s = this.sigMembers.length));
        this.sigMembers.push([]);
        this.sigRules.push(matches);
      }
      this.sigMembers[s].push(this.people.length);
      sigOf.push(s);
      this.people.push(p);
    }
    const m = this.people.length;
    this.sig = Int32Array.from(sigOf);
    this.rotating = new Uint8Array(m);
    this.total = new Float64Array(m);
    this.weight = new Float64Array(m);
    let weightSum = 0;
    let poolTotal = 0;
    this.people.forEach((p, i) => {
      const person = problem.people[p];
      if (!sharesTurns(person)) return;
      this.rotating[i] = 1;
      const basis = shareBasis(person, n);
      let office = 0;
      for (let d = 0; d < n; d++) if (this.modes[p * n + d] === OFFICE) office++;
      this.total[i] = basis.history + office;
      this.weight[i] = basis.weight;
      weightSum += basis.weight;
      poolTotal += this.total[i];
    });
    this.weightSum = weightSum;
    this.poolTotal = poolTotal;
    // Office counts of each rule per day, everyone of the agency included.
    this.ruleCount = new Int32Array(agency.rules.length * n);
    for (const p of agency.people) {
      const person = problem.people[p];
      agency.rules.forEach((rule, r) => {
        if (!ruleMatches(rule, person)) return;
        for (let d = 0; d < n; d++) if (this.modes[p * n + d] === OFFICE) this.ruleCount[r * n + d]++;
      });
    }
    this.weeks = problem.calendar.weekStarts.length;
    if (problem.perPerson) {
      this.weekCount = new Int32Array(m * this.weeks);
      this.weekBounds = [];
      this.people.forEach((p, i) => {
        for (let w = 0; w < this.weeks; w++) this.weekBounds!.push(weekOfficeBounds(problem, problem.people[p], w));
        for (let d = 0; d < n; d++) if (this.modes[p * n + d] === OFFICE) this.weekCount![i * this.weeks + problem.calendar.week[d]]++;
      });
    } else {
      this.weekCount = null;
      this.weekBounds = null;
    }
    this.dirty = new Uint8Array(m);
    this.listedLevel = new Float64Array(m * n).fill(NaN);
    this.listedSlot = new Int32Array(m * n).fill(-1);
    this.scratch = { office: new Int32Array(n), home: new Int32Array(n), costs: new Int32Array(n), allows: new Uint8Array(n) };
    this.tree = laminarTree(this.sigRules, agency.rules.length);
    this.move = new Int32Array(this.sigMembers.length * n * n * 9);
    this.swapped = this.swapOnEachDay();
    // A gain needs a wish still not granted: when the swaps granted them all, no graph.
    this.settled = !this.people.some((p) => openWish(problem, roster, p));
    if (this.settled) return;
    for (let i = 0; i < m; i++) {
      this.count(i, 1);
      for (let d = 0; d < n; d++) this.enlist(i, d);
    }
  }

  /**
   * The commonest cycle first, in bulk: on one day, someone in the office who wishes to be
   * home gives the day to someone at home who wishes to be in, one deviation level below (a
   * swap, both wishes granted). Made day by day, person by person, before the graph is built;
   * in a replan it is most of the work (the solver's turns give each class the right count of
   * days, often to the wrong people). Each swap keeps every rule (checked one by one), the
   * flexible-work bounds and the multiset of deviations, as the cycles do.
   */
  private swapOnEachDay(): number {
    const n = this.days;
    const m = this.people.length;
    // Per day, who is home wishing to be in (comers) and in wishing to be home (goers): the
    // wishes a swap can grant, found in one pass.
    const comers: number[][] = Array.from({ length: n }, () => []);
    const goers: number[][] = Array.from({ length: n }, () => []);
    for (let i = 0; i < m; i++) {
      const p = this.people[i];
      const requests = this.problem.people[p].requests;
      if (!requests) continue;
      for (let d = 0; d < n; d++) {
        const mode = this.modes[p * n + d];
        if (requests[d] === WISH_OFFICE && mode === HOME) comers[d].push(i);
        else if (requests[d] === WISH_HOME && mode === OFFICE) goers[d].push(i);
      }
    }
    let swaps = 0;
    for (let round = 0; round < 4; round++) {
      let made = 0;
      for (let x = 0; x < n; x++) {
        if (comers[x].length === 0 || goers[x].length === 0) continue;
        // Comers by the level they gain into (levels move as people swap: keyed afresh each round).
        const byLevel = new Map<number, number[]>();
        for (const j of comers[x]) {
          if (this.modes[this.people[j] * n + x] !== HOME || !this.weekAllows(j, x, true)) continue;
          const key = this.gainKey(j);
          let list = byLevel.get(key);
          if (!list) byLevel.set(key, (list = []));
          list.push(j);
        }
        for (const i of goers[x]) {
          if (this.modes[this.people[i] * n + x] !== OFFICE || !this.weekAllows(i, x, false)) continue;
          const list = byLevel.get(this.loseKey(i));
          if (list === undefined || list.length === 0) continue;
          const k = list.findIndex((j) => this.sig[j] === this.sig[i] || this.exchangeAllowed(x, this.sig[j], this.sig[i]));
          if (k === -1) continue;
          const j = list[k];
          list[k] = list[list.length - 1];
          list.pop();
          this.flip(i, x);
          this.flip(j, x);
          made++;
        }
        // Granted wishes leave the day's lists.
        comers[x] = comers[x].filter((j) => this.modes[this.people[j] * n + x] === HOME);
        goers[x] = goers[x].filter((i) => this.modes[this.people[i] * n + x] === OFFICE);
      }
      swaps += made;
      if (made === 0) break;
    }
    return swaps;
  }

  /** The deviation of a rotating person from the fair share, times the sum of weights (a whole number). */
  private scaledDeviation(i: number): number {
    return this.total[i] * this.weightSum - this.poolTotal * this.weight[i];
  }

  /** Level keys: losing from deviation K, gaining into K (from K - W); priority people share level NaN-free key. */
  private loseKey(i: number): number {
    return this.rotating[i] ? this.scaledDeviation(i) : PRIORITY_LEVEL;
  }

  private gainKey(i: number): number {
    return this.rotating[i] ? this.scaledDeviation(i) + this.weightSum : PRIORITY_LEVEL;
  }

  private level(key: number): Level {
    let level = this.levels.get(key);
    if (!level) {
      const size = this.sigMembers.length * this.days * 3;
      this.levels.set(key, (level = { key, node: -1, lose: new Int32Array(size), gain: new Int32Array(size), losers: 0, gainers: 0, lists: new Map() }));
    }
    return level;
  }

  private movable(i: number, d: number): boolean {
    const p = this.people[i];
    const mode = this.modes[p * this.days + d];
    if (mode !== OFFICE && mode !== HOME) return false;
    const code = this.problem.people[p].requests?.[d];
    return code !== PIN_OFFICE && code !== PIN_HOME;
  }

  private cost(i: number, d: number): number {
    const p = this.people[i];
    return flipCost(this.problem.people[p].requests?.[d] ?? 0, this.modes[p * this.days + d]);
  }

  /** Flexible work: whether the person may give up an office day in `d`'s week (gain one: `gain`). */
  private weekAllows(i: number, d: number, gain: boolean): boolean {
    if (this.weekCount === null) return true;
    const w = this.problem.calendar.week[d];
    const bounds = this.weekBounds![i * this.weeks + w];
    if (bounds === null) return true;
    const count = this.weekCount[i * this.weeks + w];
    return gain ? count + 1 <= bounds.max : count - 1 >= bounds.min;
  }

  /** Add (`sign` 1) or remove (-1) the person's edges from the counts. */
  private count(i: number, sign: number): void {
    const n = this.days;
    const s = this.sig[i];
    const week = this.problem.calendar.week;
    const p = this.people[i];
    const requests = this.problem.people[p].requests;
    // Free days by mode, with their flip cost index and flexible-work allowance (scratch arrays).
    const { office, home, costs, allows } = this.scratch;
    let offices = 0;
    let homes = 0;
    for (let d = 0; d < n; d++) {
      const mode = this.modes[p * n + d];
      const code = requests?.[d] ?? 0;
      if ((mode !== OFFICE && mode !== HOME) || code === PIN_OFFICE || code === PIN_HOME) continue;
      costs[d] = costIndex(flipCost(code, mode));
      if (mode === OFFICE) {
        office[offices++] = d;
        allows[d] = this.weekAllows(i, d, false) ? 1 : 0;
      } else {
        home[homes++] = d;
        allows[d] = this.weekAllows(i, d, true) ? 1 : 0;
      }
    }
    if (offices === 0 && homes === 0) return;
    const lose = this.level(this.loseKey(i));
    const gain = this.level(this.gainKey(i));
    for (let a = 0; a < offices; a++) {
      const x = office[a];
      const cx = costs[x];
      const base = (s * n + x) * n;
      for (let b = 0; b < homes; b++) {
        const y = home[b];
        if (week[x] !== week[y] && !(allows[x] === 1 && allows[y] === 1)) continue;
        const k = cx * 3 + costs[y];
        const cell = (base + y) * 9 + k;
        this.move[cell] += sign;
        // Listed where the move grants a wish (a side costs -2): few people, wanted often.
        // Elsewhere (no wish, or wishes granted on both days) most people fit, and personFor
        // scans the signature instead of keeping a list.
        if (sign > 0 && (cx === 0 || costs[y] === 0)) (this.moveLists[cell] ??= []).push(i);
      }
      if (allows[x] === 1) {
        lose.lose[(s * n + x) * 3 + cx] += sign;
        lose.losers += sign;
      }
    }
    for (let b = 0; b < homes; b++) {
      const y = home[b];
      if (allows[y] === 0) continue;
      gain.gain[(s * n + y) * 3 + costs[y]] += sign;
      gain.gainers += sign;
    }
  }

  /** Whether every rule holds on day `x` with one more office place of signature `s` and one fewer of `t`. */
  private exchangeAllowed(x: number, s: number, t: number): boolean {
    const rules = this.agency.rules;
    for (let r = 0; r < rules.length; r++) {
      const delta = (this.sigRules[s][r] ? 1 : 0) - (this.sigRules[t][r] ? 1 : 0);
      if (delta === 0) continue;
      const count = this.ruleCount[r * this.days + x] + delta;
      if (count < rules[r].min || (rules[r].max !== null && count > rules[r].max!)) return false;
    }
    return true;
  }

  private edges(): { edges: Edge[]; nodes: number } {
    const n = this.days;
    const sigs = this.sigMembers.length;
    const edges: Edge[] = [];
    const node = (d: number, s: number): number => d * sigs + s;
    for (let s = 0; s < sigs; s++) {
      for (let x = 0; x < n; x++) {
        for (let y = 0; y < n; y++) {
          if (x === y) continue;
          const at = ((s * n + x) * n + y) * 9;
          let best = Infinity;
          for (let k = 0; k < 9; k++) if (this.move[at + k] > 0) best = Math.min(best, costOf((k / 3) | 0) + costOf(k % 3));
          if (best !== Infinity) edges.push({ kind: EDGE_MOVE, from: node(x, s), to: node(y, s), cost: best, x, y, s, level: 0 });
        }
      }
    }
    let nodes = n * sigs;
    const tree = this.tree;
    if (tree !== null) {
      // Laminar rules: per day a tree of rule nodes above the signatures. Going up from a rule
      // node is one more office place counted by the rule, coming down one fewer; each edge
      // exists while the rule stays within its bounds, so any cycle keeps every rule.
      const ruleNode = (d: number, k: number): number => n * sigs + d * (tree.rules.length + 1) + k;
      const rules = this.agency.rules;
      for (let x = 0; x < n; x++) {
        for (let s = 0; s < sigs; s++) {
          const up = ruleNode(x, tree.sigParent[s]);
          edges.push({ kind: EDGE_TREE, from: node(x, s), to: up, cost: 0, x, y: x, s, level: 0 });
          edges.push({ kind: EDGE_TREE, from: up, to: node(x, s), cost: 0, x, y: x, s, level: 0 });
        }
        tree.rules.forEach((r, k) => {
          const count = this.ruleCount[r * n + x];
          const within = (c: number): boolean => c >= rules[r].min && (rules[r].max === null || c <= rules[r].max!);
          const here = ruleNode(x, k);
          const parent = ruleNode(x, tree.ruleParent[k]);
          if (within(count + 1)) edges.push({ kind: EDGE_TREE, from: here, to: parent, cost: 0, x, y: x, s: 0, level: 0 });
          if (within(count - 1)) edges.push({ kind: EDGE_TREE, from: parent, to: here, cost: 0, x, y: x, s: 0, level: 0 });
        });
      }
      nodes += n * (tree.rules.length + 1);
    } else {
      for (let x = 0; x < n; x++) {
        for (let s = 0; s < sigs; s++) {
          for (let t = 0; t < sigs; t++) {
            if (s === t || this.banned.has(`e${x},${s},${t}`) || !this.exchangeAllowed(x, s, t)) continue;
            edges.push({ kind: EDGE_EXCHANGE, from: node(x, s), to: node(x, t), cost: 0, x, y: x, s, level: t });
          }
        }
      }
    }
    for (const level of this.levels.values()) {
      level.node = -1;
      if (level.losers <= 0 || level.gainers <= 0) continue;
      level.node = nodes++;
      for (let s = 0; s < sigs; s++) {
        for (let d = 0; d < n; d++) {
          const at = (s * n + d) * 3;
          for (let k = 0; k < 3; k++) {
            if (level.lose[at + k] > 0 && !this.banned.has(`l${level.key},${s},${d}`)) {
              edges.push({ kind: EDGE_LOSE, from: node(d, s), to: level.node, cost: costOf(k), x: d, y: d, s, level: level.key });
              break;
            }
          }
          for (let k = 0; k < 3; k++) {
            if (level.gain[at + k] > 0 && !this.banned.has(`g${level.key},${s},${d}`)) {
              edges.push({ kind: EDGE_GAIN, from: level.node, to: node(d, s), cost: costOf(k), x: d, y: d, s, level: level.key });
              break;
            }
          }
        }
      }
    }
    return { edges, nodes };
  }

  /** A negative cycle of the compressed graph (its edges in order), or null when none is left. */
  private negativeCycle(): Edge[] | null {
    const { edges, nodes } = this.edges();
    const dist = new Float64Array(nodes);
    const via = new Int32Array(nodes).fill(-1);
    const stamp = new Int32Array(nodes);
    for (let pass = 1; pass <= nodes + 1; pass++) {
      let changed = false;
      for (let e = 0; e < edges.length; e++) {
        const edge = edges[e];
        const candidate = dist[edge.from] + edge.cost;
        if (candidate < dist[edge.to]) {
          dist[edge.to] = candidate;
          via[edge.to] = e;
          changed = true;
        }
      }
      if (!changed) return null;
      // A cycle among the predecessors is a negative cycle: look for one after every pass.
      stamp.fill(0);
      for (let start = 0; start < nodes; start++) {
        if (stamp[start] !== 0) continue;
        let v = start;
        while (v !== -1 && stamp[v] === 0) {
          stamp[v] = start + 1;
          v = via[v] === -1 ? -1 : edges[via[v]].from;
        }
        if (v === -1 || stamp[v] !== start + 1) continue;
        const cycle: Edge[] = [];
        let u = v;
        do {
          const edge = edges[via[u]];
          cycle.push(edge);
          u = edge.from;
        } while (u !== v);
        cycle.reverse();
        if (cycle.reduce((sum, edge) => sum + edge.cost, 0) < 0) return cycle;
      }
    }
    return null;
  }

  /** Whether person `i` makes `edge` at its cost, in the roster as it stands. */
  private fits(i: number, edge: Edge): boolean {
    const at = this.people[i] * this.days;
    if (edge.kind === EDGE_MOVE) {
      return this.modes[at + edge.x] === OFFICE && this.modes[at + edge.y] === HOME && this.movable(i, edge.x) && this.movable(i, edge.y)
        && this.cost(i, edge.x) + this.cost(i, edge.y) === edge.cost
        && (this.problem.calendar.week[edge.x] === this.problem.calendar.week[edge.y] || (this.weekAllows(i, edge.x, false) && this.weekAllows(i, edge.y, true)));
    }
    if (edge.kind === EDGE_LOSE) {
      return this.modes[at + edge.x] === OFFICE && this.loseKey(i) === edge.level && this.movable(i, edge.x)
        && this.cost(i, edge.x) === edge.cost && this.weekAllows(i, edge.x, false);
    }
    return this.modes[at + edge.x] === HOME && this.gainKey(i) === edge.level && this.movable(i, edge.x)
      && this.cost(i, edge.x) === edge.cost && this.weekAllows(i, edge.x, true);
  }

  /**
   * The person who makes an edge at its cost (one not yet used by the cycle where there is
   * one), found through the lists of who is in the office (or at home) on a day at a flip
   * cost: the shorter of the two lists an edge can be read from. Entries that no longer hold
   * (the person flipped since) are dropped as they are met.
   */
  private personFor(edge: Edge, used: ReadonlySet<number>, again: boolean): number {
    const found = this.listedPersonFor(edge, used, again);
    if (found !== -1 || again) return found;
    // The counts say someone makes the edge: the lists should have found them; scan to be sure.
    let fallback = -1;
    for (const i of this.sigMembers[edge.s]) {
      if (!this.fits(i, edge)) continue;
      if (!used.has(i)) return i;
      if (fallback === -1) fallback = i;
    }
    return fallback;
  }

  private listedPersonFor(edge: Edge, used: ReadonlySet<number>, again: boolean): number {
    const n = this.days;
    const s = edge.s;
    let fallback = -1;
    const scan = (list: number[] | undefined, mode: number, d: number, t: number, level: number | null = null): number => {
      if (list === undefined) return -1;
      for (let k = 0; k < list.length; k++) {
        const i = list[k];
        if (this.modes[this.people[i] * n + d] !== mode || !this.movable(i, d) || costIndex(this.cost(i, d)) !== t
          || (level !== null && (mode === OFFICE ? this.loseKey(i) : this.gainKey(i)) !== level)) {
          // Out of this list: entered again when it fits it again.
          if (this.listedSlot[i * n + d] === listKey(s, d, mode, t, n) && this.listedLevel[i * n + d] === level) this.listedSlot[i * n + d] = -1;
          list[k] = list[list.length - 1];
          list.pop();
          k--;
          continue;
        }
        if (!this.fits(i, edge)) continue;
        if (!used.has(i)) return i;
        if (fallback === -1) fallback = i;
      }
      return -1;
    };
    if (edge.kind === EDGE_MOVE) {
      const at = ((s * n + edge.x) * n + edge.y) * 9;
      for (let k = 0; k < 9; k++) {
        if (costOf((k / 3) | 0) + costOf(k % 3) !== edge.cost || (!again && this.move[at + k] <= 0)) continue;
        if (k % 3 !== 0 && k >= 3) {
          // Applying a cycle again, the counts lag behind: a few tries, not the whole signature.
          const members = this.sigMembers[s];
          const tries = again ? Math.min(members.length, AGAIN_TRIES) : members.length;
          for (let j = 0; j < tries; j++) {
            const i = members[j];
            if (!this.fits(i, edge)) continue;
            if (!used.has(i)) return i;
            if (fallback === -1) fallback = i;
          }
          continue;
        }
        const list = this.moveLists[at + k];
        if (list === undefined) continue;
        for (let j = 0; j < list.length; j++) {
          const i = list[j];
          if (!this.fits(i, edge)) {
            // Flipped since it was listed (it is listed again where it now fits).
            list[j] = list[list.length - 1];
            list.pop();
            j--;
            continue;
          }
          if (!used.has(i)) return i;
          if (fallback === -1) fallback = i;
        }
      }
      return fallback;
    }
    const t = costIndex(edge.cost);
    const mode = edge.kind === EDGE_LOSE ? OFFICE : HOME;
    const found = scan(this.levels.get(edge.level)?.lists.get(listKey(s, edge.x, mode, t, n)), mode, edge.x, t, edge.level);
    return found !== -1 ? found : fallback;
  }

  /** Enter a person-day in the list of its day, mode and flip cost. */
  private enlist(i: number, d: number): void {
    if (!this.movable(i, d)) return;
    const n = this.days;
    const mode = this.modes[this.people[i] * n + d];
    const key = listKey(this.sig[i], d, mode, costIndex(this.cost(i, d)), n);
    const levelKey = mode === OFFICE ? this.loseKey(i) : this.gainKey(i);
    if (this.listedSlot[i * n + d] === key && this.listedLevel[i * n + d] === levelKey) return;
    this.listedSlot[i * n + d] = key;
    this.listedLevel[i * n + d] = levelKey;
    const lists = this.level(levelKey).lists;
    let list = lists.get(key);
    if (!list) lists.set(key, (list = []));
    list.push(i);
  }

  /** Cancel negative cycles until none is left; returns how many were applied. */
  cancelCycles(): number {
    let applied = this.swapped;
    if (this.settled) return applied;
    for (;;) {
      this.flush();
      const cycle = this.negativeCycle();
      if (cycle === null) return applied;
      if (this.apply(cycle, false)) {
        applied++;
        // The same cycle often gains again with other people: apply it while it does.
        while (this.apply(cycle, true)) applied++;
        continue;
      }
      // The cycle broke a rule jointly (two exchanges on one day, one person twice): leave its
      // exchange and swap edges out from now on; a cycle of plain moves alone ends the pass.
      const special = cycle.filter((edge) => edge.kind === EDGE_EXCHANGE || edge.kind === EDGE_LOSE || edge.kind === EDGE_GAIN);
      if (special.length === 0) return applied;
      for (const edge of special) {
        this.banned.add(edge.kind === EDGE_EXCHANGE ? `e${edge.x},${edge.s},${edge.level}` : `${edge.kind === EDGE_LOSE ? "l" : "g"}${edge.level},${edge.s},${edge.x}`);
      }
    }
  }

  /**
   * A person about to flip leaves the counts (once until the next `flush`): applying a cycle
   * again and again, the counts are brought up to date only before the next graph is built.
   */
  private touch(i: number): void {
    if (this.dirty[i] === 1) return;
    this.count(i, -1);
    this.dirty[i] = 1;
    this.dirtyList.push(i);
  }

  /** Count the touched people again as they now stand, and list their days anew. */
  private flush(): void {
    for (const i of this.dirtyList) {
      this.count(i, 1);
      for (let d = 0; d < this.days; d++) this.enlist(i, d);
      this.dirty[i] = 0;
    }
    this.dirtyList.length = 0;
  }

  /**
   * Apply a cycle's flips if every check holds on what it touched; otherwise leave the roster
   * as it was. `again`: the cycle was found before the last flips (its people are looked for
   * in the lists only, and the checks decide).
   */
  private apply(cycle: Edge[], again: boolean): boolean {
    const n = this.days;
    // People chosen against the roster before the cycle: their person-days are then disjoint
    // where one person serves two edges, so the cycle's cost is what it grants.
    const used = new Set<number>();
    const flips: number[] = [];
    let swaps = false;
    for (const edge of cycle) {
      if (edge.kind === EDGE_EXCHANGE || edge.kind === EDGE_TREE) {
        if (again && edge.kind === EDGE_EXCHANGE && !this.exchangeAllowed(edge.x, edge.s, edge.level)) return false;
        continue;
      }
      const i = this.personFor(edge, used, again);
      if (i === -1) return false;
      used.add(i);
      if (edge.kind === EDGE_MOVE) flips.push(i, edge.x, i, edge.y);
      else {
        flips.push(i, edge.x);
        swaps = true;
      }
    }
    const people = [...used];
    const rules = this.agency.rules;
    // What the checks compare: deviations and priority days (only where a swap changes totals),
    // rule counts on the days touched.
    const deviationsBefore = swaps ? this.rotatingDeviations(people) : null;
    const priorityBefore = swaps ? this.priorityDays(people) : 0;
    const rulesBefore: number[] = [];
    if (rules.length > 0) for (let k = 1; k < flips.length; k += 2) for (let r = 0; r < rules.length; r++) rulesBefore.push(this.ruleCount[r * n + flips[k]]);
    for (const i of people) this.touch(i);
    for (let k = 0; k < flips.length; k += 2) this.flip(flips[k], flips[k + 1]);
    let ok = this.weeksHold(flips);
    if (ok && rules.length > 0) {
      for (let k = 1, at = 0; ok && k < flips.length; k += 2) {
        for (let r = 0; r < rules.length; r++, at++) {
          const count = this.ruleCount[r * n + flips[k]];
          if (count !== rulesBefore[at] && (count < rules[r].min || (rules[r].max !== null && count > rules[r].max!))) {
            ok = false;
            break;
          }
        }
      }
    }
    if (ok && swaps) {
      const after = this.rotatingDeviations(people);
      ok = this.priorityDays(people) === priorityBefore && after.every((value, k) => value === deviationsBefore![k]);
    }
    if (!ok) for (let k = 0; k < flips.length; k += 2) this.flip(flips[k], flips[k + 1]);
    return ok;
  }

  private rotatingDeviations(people: readonly number[]): number[] {
    return people.filter((i) => this.rotating[i] === 1).map((i) => this.scaledDeviation(i)).sort((a, b) => a - b);
  }

  private priorityDays(people: readonly number[]): number {
    return people.reduce((sum, i) => sum + (this.rotating[i] ? 0 : this.officeDays(i)), 0);
  }

  private officeDays(i: number): number {
    let office = 0;
    for (let d = 0; d < this.days; d++) if (this.modes[this.people[i] * this.days + d] === OFFICE) office++;
    return office;
  }

  /** Flip one person-day between office and home, keeping totals and counts in step. */
  private flip(i: number, d: number): void {
    const n = this.days;
    const p = this.people[i];
    const toOffice = this.modes[p * n + d] === HOME;
    this.modes[p * n + d] = toOffice ? OFFICE : HOME;
    const delta = toOffice ? 1 : -1;
    if (this.rotating[i]) this.total[i] += delta;
    const rules = this.agency.rules;
    for (let r = 0; r < rules.length; r++) if (this.sigRules[this.sig[i]][r]) this.ruleCount[r * n + d] += delta;
    if (this.weekCount !== null) this.weekCount[i * this.weeks + this.problem.calendar.week[d]] += delta;
  }

  /** Flexible work: the touched weeks of every flipped person (`flips`: person, day pairs) within their bounds. */
  private weeksHold(flips: readonly number[]): boolean {
    if (this.weekCount === null) return true;
    const week = this.problem.calendar.week;
    for (let k = 0; k < flips.length; k += 2) {
      const i = flips[k];
      const w = week[flips[k + 1]];
      const bounds = this.weekBounds![i * this.weeks + w];
      const count = this.weekCount[i * this.weeks + w];
      if (bounds !== null && (count < bounds.min || count > bounds.max)) return false;
    }
    return true;
  }

}

/** Laminar rules over the signatures of an agency, as a tree (`rules`: rule indices, parents by position; the root is `rules.length`). */
interface RuleTree {
  rules: number[];
  ruleParent: number[];
  sigParent: number[];
}

/**
 * The rules as a tree when every two of them count disjoint or nested sets of signatures (a
 * rank's rule inside a unit, units side by side): then the office counts of all rules on a day
 * move exactly as flows along the tree. Rules that count no signature never move and are left
 * out. Null when two rules cross (a rank rule and a unit rule over people of both): the graph
 * then has single exchanges, checked rule by rule, and the cycle check of the whole.
 */
function laminarTree(sigRules: readonly boolean[][], ruleCount: number): RuleTree | null {
  const sets = Array.from({ length: ruleCount }, (_, r) => sigRules.map((m, s) => (m[r] ? s : -1)).filter((s) => s >= 0));
  const rules = sets.map((set, r) => (set.length > 0 ? r : -1)).filter((r) => r >= 0);
  const contains = (a: number, b: number): boolean => sets[b].every((s) => sigRules[s][a]);
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = rules[i];
      const b = rules[j];
      const meet = sets[a].some((s) => sigRules[s][b]);
      if (meet && !contains(a, b) && !contains(b, a)) return null;
    }
  }
  // Larger sets first (ties by rule order), so each rule's parent is the last earlier rule holding it.
  rules.sort((a, b) => sets[b].length - sets[a].length || a - b);
  const ruleParent = rules.map((r, k) => {
    for (let j = k - 1; j >= 0; j--) if (contains(rules[j], r)) return j;
    return rules.length;
  });
  const sigParent = sigRules.map((m) => {
    for (let k = rules.length - 1; k >= 0; k--) if (m[rules[k]]) return k;
    return rules.length;
  });
  return { rules, ruleParent, sigParent };
}

/** Tries per cheap-list-less move when a cycle is applied again (its counts lag behind). */
const AGAIN_TRIES = 64;

/** The one level of health-priority people (their days are summed, never shared). */
const PRIORITY_LEVEL = Number.MAX_SAFE_INTEGER;
