/**
 * Contact spread: for each person, the number of distinct colleagues of the same agency they
 * share at least one office day with. What fixed shift teams buy (docs/teams.md): one
 * infection reaches a team, not the whole office. Averaged per agency and overall over the
 * rotating staff (health priority included), the people whose contacts the plan decides;
 * exempt agencies have none (everyone is in every day).
 *
 * Speed: people with the same office days have the same colleagues, so each agency's people
 * are grouped by their office-day pattern (a bitset), and patterns are compared pairwise:
 * O(people x days + patterns^2 x days/32) per agency.
 */
import { OFFICE, type Problem, type Roster } from "../domain/problem.js";

export interface ContactFigures {
  /** Rotating people (health priority included) the figures are about. */
  people: number;
  /** Mean and most distinct office colleagues; null when `people` is 0. */
  mean: number | null;
  max: number | null;
}

export interface AgencyContacts extends ContactFigures {
  agencyId: string;
}

export interface ContactSpread {
  /** Per person (every person, fixed staff too): distinct colleagues sharing an office day. */
  perPerson: Int32Array;
  /** Per non-exempt agency, in input order. */
  agencies: AgencyContacts[];
  overall: ContactFigures;
}

/** Two decimals: enough to compare rosters, and metrics.json stays readable. */
function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * The contact spread of a roster.
 *
 * @example contactSpread(problem, roster).overall.mean //=> 41.5
 */
export function contactSpread(problem: Problem, roster: Roster): ContactSpread {
  const days = roster.days;
  const words = Math.max(1, Math.ceil(days / 32));
  const modes = roster.modes;
  const perPerson = new Int32Array(problem.people.length);
  const agencies: AgencyContacts[] = [];
  let allPeople = 0;
  let allSum = 0;
  let allMax = 0;
  for (const agency of problem.agencies) {
    // Patterns of office days, each with how many people have it.
    const index = new Map<string, number>();
    const bits: Uint32Array[] = [];
    const size: number[] = [];
    const patternOf = new Int32Array(agency.people.length);
    const row = new Uint32Array(words);
    agency.people.forEach((p, i) => {
      row.fill(0);
      const base = p * days;
      for (let d = 0; d < days; d++) if (modes[base + d] === OFFICE) row[d >>> 5] |= 1 << (d & 31);
      const key = row.join(",");
      let k = index.get(key);
      if (k === undefined) {
        k = bits.length;
        index.set(key, k);
        bits.push(row.slice());
        size.push(0);
      }
      size[k]++;
      patternOf[i] = k;
    });
    const contacts = new Int32Array(bits.length);
    for (let a = 0; a < bits.length; a++) {
      const x = bits[a];
      if (x.every((w) => w === 0)) continue;
      let n = size[a] - 1;
      for (let b = 0; b < bits.length; b++) {
        if (b === a) continue;
        const y = bits[b];
        for (let w = 0; w < words; w++) {
          if ((x[w] & y[w]) !== 0) {
            n += size[b];
            break;
          }
        }
      }
      contacts[a] = n;
    }
    agency.people.forEach((p, i) => (perPerson[p] = contacts[patternOf[i]]));
    if (agency.exempt) continue;
    let people = 0;
    let sum = 0;
    let max = 0;
    for (const p of agency.people) {
      if (problem.people[p].attendance === "fixed") continue;
      people++;
      sum += perPerson[p];
      max = Math.max(max, perPerson[p]);
    }
    agencies.push({ agencyId: agency.id, people, mean: people === 0 ? null : round2(sum / people), max: people === 0 ? null : max });
    allPeople += people;
    allSum += sum;
    allMax = Math.max(allMax, max);
  }
  return { perPerson, agencies, overall: { people: allPeople, mean: allPeople === 0 ? null : round2(allSum / allPeople), max: allPeople === 0 ? null : allMax } };
}

/** The figures for metrics.json: per agency and overall, without the per-person array. */
export function contactFigures(problem: Problem, roster: Roster): { overall: ContactFigures; agencies: AgencyContacts[] } {
  const { overall, agencies } = contactSpread(problem, roster);
  return { overall, agencies };
}
