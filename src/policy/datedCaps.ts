/**
 * caps.csv into `Agency.dayCaps` / `dayCapBasis`: the cap of each agency on each workday where
 * a dated row overrides the agency's own cap (read them through `capOn` / `capBasisOn`).
 *
 * - A row applies to one agency, or to every agency with `*`; exempt agencies have no cap and
 *   are left alone.
 * - Where rows overlap on a day, an agency's own row beats a `*` row, and among rows of the
 *   same kind the later line wins ("a later, more specific row wins").
 * - A preset (`zone`, `ppkm_level`) is resolved on the row's `from` date; `ppkm_region` and
 *   `ppkm_sector` default to the agency's own columns in agencies.csv, then to scenario.json.
 * - A cap of 0 is a decreed remote day: only those who must be in come in. The cap that day
 *   is the fewest people every hard rule asks for: the fixed staff present (mandatory, not
 *   rotating), the people pinned to the office, and as many more as `min_office` and the
 *   composition minimums need (`mustBeIn`).
 */
import { InputError, type InputIssue } from "../domain/errors.js";
import { PIN_OFFICE, ruleMatches, type Agency, type Person, type Problem } from "../domain/problem.js";
import type { CapRow, Lined, ScenarioInput } from "../domain/scenario.js";
import { capOf, presetRule, type CapRule } from "./compile.js";

export const CAPS_FILE = "caps.csv";

/**
 * Fill `dayCaps` and `dayCapBasis` of every agency a row of caps.csv touches.
 *
 * @throws InputError for a preset with no number on its row's `from` date, or a PPKM level with no region
 */
export function compileDatedCaps(problem: Problem, input: ScenarioInput): void {
  const rows = input.caps ?? [];
  if (rows.length === 0) return;
  const days = problem.calendar.days;
  const issues: InputIssue[] = [];
  const agencyRows = new Map(input.agencies.map((a) => [a.agency_id, a]));
  const scenarioPpkm = "ppkmLevel" in input.config.officeCap ? input.config.officeCap : null;
  // `*` rows first, then each agency's own rows, each in file order: the last one applied wins.
  const ordered = [...rows.filter((r) => r.agency_id === null), ...rows.filter((r) => r.agency_id !== null)];
  const resolved = new Map<string, CapRule | null>();

  const ruleOf = (row: Lined<CapRow>, agency: Agency): CapRule | null => {
    if (row.cap_count !== undefined) return { count: row.cap_count };
    if (row.cap_percent !== undefined) return { percent: row.cap_percent };
    const place = `${CAPS_FILE}:${row.line}`;
    if (row.zone !== undefined) return memo(`${row.line}`, () => presetRule({ zone: row.zone! }, row.from, place, "zone", issues, row.line, CAPS_FILE));
    if (row.ppkm_level === undefined) return null;
    const own = agencyRows.get(agency.id);
    const region = row.ppkm_region ?? own?.ppkm_region ?? scenarioPpkm?.region;
    const sector = row.ppkm_sector ?? own?.ppkm_sector ?? scenarioPpkm?.sector ?? "non-essential";
    if (region === undefined) {
      return memo(`${row.line}`, () => {
        issues.push({ code: "input.ppkm_region_missing", file: CAPS_FILE, line: row.line, values: { place } });
        return null;
      });
    }
    return memo(`${row.line}\u0000${region}\u0000${sector}`, () => presetRule({ ppkmLevel: row.ppkm_level!, region, sector }, row.from, place, "ppkm_level", issues, row.line, CAPS_FILE));
  };
  const memo = (key: string, make: () => CapRule | null): CapRule | null => {
    if (!resolved.has(key)) resolved.set(key, make());
    return resolved.get(key)!;
  };

  for (const row of ordered) {
    const first = days.findIndex((d) => d >= row.from);
    if (first === -1 || days[first] > row.to) continue;
    for (const agency of problem.agencies) {
      if (agency.exempt || (row.agency_id !== null && row.agency_id !== agency.id)) continue;
      const rule = ruleOf(row, agency);
      if (rule === null) continue;
      const [cap, basis] = capOf(rule, agency.headcount);
      const caps = (agency.dayCaps ??= new Array<number | null>(days.length).fill(null));
      const bases = (agency.dayCapBasis ??= new Array<string | null>(days.length).fill(null));
      const remote = (agency.remoteDays ??= new Array<boolean>(days.length).fill(false));
      for (let d = first; d < days.length && days[d] <= row.to; d++) {
        if (cap === 0) {
          const must = mustBeIn(problem, agency, d);
          caps[d] = must;
          bases[d] = `${basis} (${CAPS_FILE} line ${row.line}): decreed remote day, ${must} must be in`;
          remote[d] = true;
        } else {
          remote[d] = false;
          caps[d] = cap;
          bases[d] = `${basis} (${CAPS_FILE} line ${row.line})`;
        }
      }
    }
  }
  if (issues.length > 0) throw new InputError(issues);
}

/**
 * The fewest people the hard rules put in the office of `agency` on workday `day`: the fixed
 * staff present and the people pinned to the office, plus as many rotating people as
 * `min_office` and the composition minimums still need. Composition rules are summed, which
 * is exact when they count different people (different ranks or units, as in the seeds) and
 * can allow a few more than strictly needed when they overlap.
 *
 * @example mustBeIn(problem, agency, 0) //=> 3 for a head of agency, a camat and "at least 1 eselon_3" with no eselon_3 fixed
 */
export function mustBeIn(problem: Problem, agency: Agency, day: number): number {
  const inPeople: Person[] = [];
  for (const p of agency.people) {
    const person = problem.people[p];
    if (person.leave !== null && person.leave[day] === 1) continue;
    if (person.attendance === "fixed" || person.requests?.[day] === PIN_OFFICE) inPeople.push(person);
  }
  let shortfall = 0;
  for (const rule of agency.rules) {
    const matched = inPeople.reduce((n, person) => n + (ruleMatches(rule, person) ? 1 : 0), 0);
    shortfall += Math.max(0, rule.min - matched);
  }
  return inPeople.length + Math.max(agency.minOffice - inPeople.length, shortfall, 0);
}
