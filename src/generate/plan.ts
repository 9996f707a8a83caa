/**
 * Which agencies a synthetic government has and how many people each employs: a secretariat,
 * a council secretariat, an inspectorate, 20-40 dinas and badan, kecamatan offices and
 * puskesmas in a regency, hospitals; sizes heavy-tailed around one giant education office.
 * Every non-exempt agency is made big enough that its head and a few more fit under the cap.
 */
import {
  CORE, DINAS_BADAN, DISTRICTS, EDUCATION, FIRST_DINAS, PROVINCE_HOSPITALS, hospital, kecamatan, puskesmas,
  type AgencyTemplate, type Level,
} from "./catalogue.js";
import { Rng } from "./random.js";
import { GenerateError } from "./errors.js";
import type { Rank } from "../domain/values.js";

export interface PlannedAgency {
  id: string;
  name: string;
  template: AgencyTemplate;
  level: Level;
  size: number;
  exempt: boolean;
  /** The agency's own cap percent (essential services), or null for the scenario's. */
  capPercent: number | null;
  /** Most people in the office per workday, as `compile` will find it; null when exempt. */
  cap: number | null;
  /** Exact counts of ranks besides the head (custom governments); absent: drawn from BKN's shares. */
  structure?: Partial<Record<Rank, number>>;
  /** Share of fungsional among the people `structure` leaves (the rest pelaksana). */
  functionalShare?: number;
}

/** The cap of a percent: `floor(P/100 * headcount)`, never above what `compile` finds (no rounding slack). */
export function capOf(percent: number, headcount: number): number {
  return Math.floor((percent * headcount) / 100);
}

/** Fewest staff in a non-exempt agency: at least 12, and enough for a cap of 3 (head + room). */
export function minNonExemptSize(capPercent: number): number {
  let h = 12;
  while (capOf(capPercent, h) < 3) h++;
  return h;
}

function minSize(t: AgencyTemplate, capPercent: number): number {
  if (t.category === "puskesmas") return 8;
  if (t.exempt) return 12;
  return minNonExemptSize(t.essential ? Math.max(capPercent, 50) : capPercent);
}

interface Slot {
  template: AgencyTemplate;
  /** Position in `agencies.csv`. */
  order: number;
}

/**
 * Every agency a government of this level could have, most important first, so that the
 * first K are a sensible government of K agencies: the giant and the core first, then the
 * categories interleaved in proportion.
 */
function priorityList(level: Level, rng: Rng): Slot[] {
  const dinasPool = DINAS_BADAN.filter((t) => t.levels.includes(level));
  const first = FIRST_DINAS.map((code) => dinasPool.find((t) => t.code === code)).filter((t): t is AgencyTemplate => t !== undefined);
  const rest = rng.shuffle(dinasPool.filter((t) => !first.includes(t)));
  const dinasOrdered = [...first, ...rest];
  // The education office lists first among the dinas, just after the core.
  const orderOf = (t: AgencyTemplate) => 2 + CORE.length + DINAS_BADAN.indexOf(t);

  const dinasSlots = dinasOrdered.map((template) => ({ template, order: orderOf(template) }));
  const base = 1000;
  let hospitals: Slot[];
  let districts: Slot[] = [];
  let clinics: Slot[] = [];
  if (level === "prov") {
    hospitals = rng.shuffle([...PROVINCE_HOSPITALS]).map((name, i) => ({ template: hospital(`RSUD-${pad2(i + 1)}`, name), order: base * 3 + i }));
  } else {
    const places = rng.shuffle([...DISTRICTS]);
    districts = places.map((place, i) => ({ template: kecamatan(`KEC-${pad2(i + 1)}`, place), order: base + i }));
    clinics = places.map((place, i) => ({ template: puskesmas(`PKM-${pad2(i + 1)}`, place), order: base * 4 + i }));
    hospitals = [places[0], places[1], places[2]].map((place, i) => ({ template: hospital(`RSUD-${pad2(i + 1)}`, `Rumah Sakit Umum Daerah ${place}`), order: base * 3 + i }));
  }
  const core = CORE.map((template, i) => ({ template, order: 1 + i }));
  const giant = { template: EDUCATION, order: 1 + CORE.length };
  const head: Slot[] = [giant, core[0], hospitals[0], core[2], core[1]];
  if (level === "kab") head.push(districts[0], clinics[0]);
  const streams = [dinasSlots, districts.slice(1), clinics.slice(1), hospitals.slice(1)].filter((s) => s.length > 0);
  return [...head, ...interleave(streams)];
}

/** Merge lists so that each is spread evenly over the result (largest deficit first). */
function interleave<T>(lists: T[][]): T[] {
  const total = lists.reduce((n, l) => n + l.length, 0);
  const taken = lists.map(() => 0);
  const out: T[] = [];
  for (let k = 1; k <= total; k++) {
    let best = -1;
    let bestDeficit = -Infinity;
    lists.forEach((l, i) => {
      if (taken[i] >= l.length) return;
      const deficit = (k * l.length) / total - taken[i];
      if (deficit > bestDeficit) [best, bestDeficit] = [i, deficit];
    });
    out.push(lists[best][taken[best]++]);
  }
  return out;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** Split `total` in proportion to `weights` (largest remainder, ties to the lower index). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : total / weights.length));
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  return out;
}

export interface GovernmentOptions {
  level: Level;
  employees: number;
  /** Number of agencies; chosen from the level's usual range when absent. */
  agencies?: number;
  capPercent: number;
  /** Added to ids and names in the national preset ("32-DISDIK", "... Provinsi Jawa Barat"). */
  idPrefix: string;
  nameSuffix: string;
}

/** Most agencies a government of this level can have. */
export function maxAgencies(level: Level): number {
  return priorityList(level, new Rng(0)).length;
}

/** Fewest employees a government of `agencies` agencies needs at this cap. */
export function minEmployees(level: Level, agencies: number, capPercent: number): number {
  return priorityList(level, new Rng(0)).slice(0, agencies).reduce((n, s) => n + minSize(s.template, capPercent), 0);
}

/** Plan one province or regency: its agencies, in file order, with sizes summing to `employees`. */
export function planGovernment(options: GovernmentOptions, rng: Rng): PlannedAgency[] {
  const { level, employees, capPercent } = options;
  const slots = priorityList(level, rng);
  const mins = slots.map((s) => minSize(s.template, capPercent));
  const fits = (k: number) => mins.slice(0, k).reduce((a, b) => a + b, 0) <= employees;
  let k: number;
  if (options.agencies !== undefined) {
    k = options.agencies;
    if (k > slots.length) throw new GenerateError("generate.too_many_agencies", { agencies: k, max: slots.length });
    if (!fits(k)) throw new GenerateError("generate.too_few_employees", { employees, agencies: k, needed: mins.slice(0, k).reduce((a, b) => a + b, 0), cap: capPercent });
  } else {
    k = Math.min(slots.length, level === "prov" ? rng.int(28, 46) : rng.int(60, 95));
    while (k > 1 && !fits(k)) k--;
    if (!fits(k)) throw new GenerateError("generate.too_few_employees", { employees, agencies: 1, needed: mins[0], cap: capPercent });
  }
  const chosen = slots.slice(0, k);
  const minSum = mins.slice(1, k).reduce((a, b) => a + b, 0);
  const giantShare = level === "prov" ? 0.6 + 0.15 * rng.next() : 0.4 + 0.15 * rng.next();
  const giant = k === 1 ? employees : Math.max(mins[0], Math.min(employees - minSum, Math.round(giantShare * employees)));
  // Heavy tail: a log-normal factor on each template's usual weight.
  const weights = chosen.slice(1).map((s) => s.template.weight * Math.exp(0.8 * rng.normal()));
  const extra = apportion(employees - giant - minSum, weights);
  const sizes = [giant, ...extra.map((x, i) => x + mins[i + 1])];

  return chosen
    .map((slot, i) => {
      const t = slot.template;
      const exempt = t.exempt === true;
      const ownPercent = t.essential && capPercent < 50 ? 50 : null;
      return {
        slot,
        agency: {
          id: options.idPrefix + t.code,
          name: t.name + options.nameSuffix,
          template: t,
          level,
          size: sizes[i],
          exempt,
          capPercent: ownPercent,
          cap: exempt ? null : capOf(ownPercent ?? capPercent, sizes[i]),
        },
      };
    })
    .sort((a, b) => a.slot.order - b.slot.order)
    .map((x) => x.agency);
}
