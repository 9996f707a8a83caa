/**
 * The in-memory province the I/O and report benchmarks time: no files, no solver, so they
 * measure only what they are about.
 */
import type { Agency, Person, Problem, Roster } from "../src/domain/problem.js";
import { HOME, LEAVE, OFFICE } from "../src/domain/problem.js";
import { RANKS } from "../src/domain/values.js";

/** A province with 18-digit NIPs, names of 20-30 characters and a pseudo-random 25 % office roster. */
export function syntheticProvince(people: number, days: number): { problem: Problem; roster: Roster } {
  const dates: string[] = [];
  for (let t = Date.UTC(2021, 6, 19); dates.length < days; t += 86_400_000) {
    const day = new Date(t);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) dates.push(day.toISOString().slice(0, 10));
  }
  const week = dates.map((_, d) => Math.floor(d / 5));
  const weekStarts = [...new Set(week)].map((w) => dates[w * 5]);
  const agencyCount = Math.max(1, Math.round(people / 1000));
  const size = Math.ceil(people / agencyCount);
  const agencies: Agency[] = Array.from({ length: agencyCount }, (_, index) => ({
    index, id: `OPD-${String(index + 1).padStart(3, "0")}`, name: `Dinas Nomor ${index + 1} Kabupaten Contoh`, exempt: index % 10 === 9,
    cap: index % 10 === 9 ? null : Math.floor(size / 4), capBasis: "25 %", minOffice: 0, headcount: 0, people: [], rules: [],
  }));
  const persons: Person[] = [];
  for (let index = 0; index < people; index++) {
    const agency = index % agencyCount;
    agencies[agency].people.push(index);
    agencies[agency].headcount++;
    persons.push({
      index, id: `19${String(7000000000000000 + index * 7919).padStart(16, "0")}`, name: `Pegawai Negeri Sipil ${index + 1}`,
      agency, rank: RANKS[index % RANKS.length], unit: "", position: "Staf", employment: "pns",
      attendance: agencies[agency].exempt ? "fixed" : "rotating", fixedBy: agencies[agency].exempt ? "exempt" : null, priorityReasons: [], leave: null, history: 0, priorWorkdays: 0, line: index + 2,
    });
  }
  const modes = new Uint8Array(people * days);
  let seed = 12345;
  for (let i = 0; i < modes.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const r = seed % 100;
    modes[i] = r < 25 ? OFFICE : r < 98 ? HOME : LEAVE;
  }
  return { problem: { name: "synthetic province", rotation: "daily", calendar: { days: dates, week, weekStarts }, people: persons, agencies }, roster: { days, modes } };
}
