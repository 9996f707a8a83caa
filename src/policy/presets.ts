/**
 * National office caps a planner can name instead of looking the number up: SE MenPANRB
 * 67/2020's risk zones and the PPKM-level tables of SE MenPANRB 24/2021 to 06/2022. Each
 * table is dated; a preset is resolved on the scenario's start date, and a preset that no
 * table gives on that date is an error that says for which dates it exists.
 */

export const ZONES = ["none", "low", "medium", "high"] as const;
export type Zone = (typeof ZONES)[number];
export const PPKM_REGIONS = ["java-bali", "outside-java-bali"] as const;
export type PpkmRegion = (typeof PPKM_REGIONS)[number];
export const PPKM_SECTORS = ["non-essential", "essential"] as const;
export type PpkmSector = (typeof PPKM_SECTORS)[number];

export type CapPreset = { zone: Zone } | { ppkmLevel: number; region: PpkmRegion; sector: PpkmSector };

interface Dated {
  source: string;
  /** First and last day in force, ISO. */
  from: string;
  to: string;
}

/** SE MenPANRB 67/2020 (4 September 2020): office cap by the regency's or city's risk zone. */
export const ZONE_TABLE: Dated & { percent: Record<Zone, number> } = {
  source: "SE 67/2020",
  from: "2020-09-04",
  // Superseded for PPKM areas by the PPKM tables; kept until PPKM ended (30 December 2022).
  to: "2022-12-30",
  percent: { none: 100, low: 75, medium: 50, high: 25 },
};

/** Percent by level 1..4; null where the circular gives no single number. */
type Levels = readonly [number | null, number | null, number | null, number | null];

/**
 * The PPKM tables, in date order; each in force until the day before the next. Numbers as the
 * circulars were reported (menpan.go.id via Okezone and Tribunnews); essential agencies as
 * POLICIES.md gives them. Outside Java-Bali, levels 1-2 of SE 24/2021 depend on the zone colour
 * (green to orange 50 %, red 25 %), so the table has no single number there.
 */
export const PPKM_TABLES: ReadonlyArray<Dated & { percent: Record<PpkmRegion, Record<PpkmSector, Levels>> }> = [
  {
    source: "SE 24/2021",
    from: "2021-10-24",
    to: "2022-02-15",
    percent: {
      "java-bali": { "non-essential": [75, 50, 25, 0], essential: [100, 75, 50, 50] },
      "outside-java-bali": { "non-essential": [null, null, 50, 25], essential: [100, 75, 50, 50] },
    },
  },
  {
    source: "SE 05/2022",
    from: "2022-02-16",
    to: "2022-03-01",
    percent: {
      "java-bali": { "non-essential": [100, 75, 50, 0], essential: [100, 75, 50, 50] },
      "outside-java-bali": { "non-essential": [100, 75, null, null], essential: [100, 75, 50, 50] },
    },
  },
  {
    source: "SE 06/2022",
    from: "2022-03-02",
    to: "2022-12-30",
    percent: {
      "java-bali": { "non-essential": [100, 75, 50, 25], essential: [100, 75, 50, 50] },
      "outside-java-bali": { "non-essential": [null, null, null, null], essential: [100, 75, 50, 50] },
    },
  },
];

const ZONE_LABELS: Record<Zone, string> = { none: "no-case zone", low: "low-risk zone", medium: "medium-risk zone", high: "high-risk zone" };

export type PresetResolution =
  | { ok: true; percent: number; source: string; label: string }
  | { ok: false; preset: string; available: string };

/** The preset in words, as a planner wrote it: `zone high`, `PPKM level 3, java-bali, non-essential`. */
export function describePreset(preset: CapPreset): string {
  return "zone" in preset ? `zone ${preset.zone}` : `PPKM level ${preset.ppkmLevel}, ${preset.region}, ${preset.sector}`;
}

/**
 * The office cap percent a preset gives on `date`, with its source for the cap's basis text; or
 * the dates for which it exists (empty when no table gives it).
 *
 * @example resolvePreset({ zone: "high" }, "2020-12-01") //=> { ok: true, percent: 25, source: "SE 67/2020", label: "high-risk zone" }
 */
export function resolvePreset(preset: CapPreset, date: string): PresetResolution {
  if ("zone" in preset) {
    const t = ZONE_TABLE;
    if (date >= t.from && date <= t.to) return { ok: true, percent: t.percent[preset.zone], source: t.source, label: ZONE_LABELS[preset.zone] };
    return { ok: false, preset: describePreset(preset), available: `${t.from} to ${t.to} (${t.source})` };
  }
  const level = preset.ppkmLevel - 1;
  const cell = (t: (typeof PPKM_TABLES)[number]) => t.percent[preset.region][preset.sector][level] ?? null;
  const current = PPKM_TABLES.find((t) => date >= t.from && date <= t.to);
  const percent = current ? cell(current) : null;
  if (current && percent !== null) {
    return { ok: true, percent, source: current.source, label: `PPKM level ${preset.ppkmLevel}, ${preset.region === "java-bali" ? "Java-Bali" : "outside Java-Bali"}, ${preset.sector}` };
  }
  const ranges = PPKM_TABLES.filter((t) => cell(t) !== null).map((t) => `${t.from} to ${t.to} (${t.source})`);
  return { ok: false, preset: describePreset(preset), available: ranges.join(", ") };
}
