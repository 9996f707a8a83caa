/** National cap presets: every table, the dated choice of version, and every error. */
import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { resolvePreset, ZONE_TABLE, PPKM_TABLES } from "../../src/policy/presets.js";
import { readScenario } from "../../src/io/readScenario.js";
import { compile } from "../../src/policy/compile.js";
import { InputError } from "../../src/domain/errors.js";
import { formatInputIssue } from "../../src/io/formatIssues.js";
import { TINY, giliran, scenarioCopy, tempDir } from "../helpers/cli.js";

const ok = (percent: number, source: string) => expect.objectContaining({ ok: true, percent, source });

describe("SE MenPANRB 67/2020 zones", () => {
  it("gives 100/75/50/25 % for no-case, low, medium and high-risk zones from 2020-09-04", () => {
    expect(resolvePreset({ zone: "none" }, "2020-09-04")).toEqual(ok(100, "SE 67/2020"));
    expect(resolvePreset({ zone: "low" }, "2020-11-30")).toEqual(ok(75, "SE 67/2020"));
    expect(resolvePreset({ zone: "medium" }, "2020-11-30")).toEqual(ok(50, "SE 67/2020"));
    expect(resolvePreset({ zone: "high" }, "2021-07-19")).toEqual({ ok: true, percent: 25, source: "SE 67/2020", label: "high-risk zone" });
  });

  it("does not exist before the circular", () => {
    expect(resolvePreset({ zone: "high" }, "2020-09-03")).toEqual({ ok: false, preset: "zone high", available: `2020-09-04 to ${ZONE_TABLE.to} (SE 67/2020)` });
  });
});

describe("PPKM tables, SE 24/2021 to 06/2022", () => {
  const jb = (ppkmLevel: number, sector: "non-essential" | "essential" = "non-essential") => ({ ppkmLevel, region: "java-bali" as const, sector });
  const out = (ppkmLevel: number, sector: "non-essential" | "essential" = "non-essential") => ({ ppkmLevel, region: "outside-java-bali" as const, sector });

  it("SE 24/2021: Java-Bali non-essential 75/50/25/0 %", () => {
    expect([1, 2, 3, 4].map((l) => resolvePreset(jb(l), "2021-11-01"))).toEqual([ok(75, "SE 24/2021"), ok(50, "SE 24/2021"), ok(25, "SE 24/2021"), ok(0, "SE 24/2021")]);
  });

  it("SE 05/2022: Java-Bali non-essential 100/75/50/0 %, outside Java-Bali levels 1-2 100/75 %", () => {
    expect([1, 2, 3, 4].map((l) => resolvePreset(jb(l), "2022-02-20"))).toEqual([ok(100, "SE 05/2022"), ok(75, "SE 05/2022"), ok(50, "SE 05/2022"), ok(0, "SE 05/2022")]);
    expect(resolvePreset(out(1), "2022-02-16")).toEqual(ok(100, "SE 05/2022"));
    expect(resolvePreset(out(2), "2022-03-01")).toEqual(ok(75, "SE 05/2022"));
  });

  it("SE 06/2022: Java-Bali non-essential 100/75/50/25 %", () => {
    expect([1, 2, 3, 4].map((l) => resolvePreset(jb(l), "2022-03-02"))).toEqual([ok(100, "SE 06/2022"), ok(75, "SE 06/2022"), ok(50, "SE 06/2022"), ok(25, "SE 06/2022")]);
  });

  it("outside Java-Bali, SE 24/2021 levels 3-4: 50 and 25 %", () => {
    expect(resolvePreset(out(3), "2021-12-01")).toEqual(ok(50, "SE 24/2021"));
    expect(resolvePreset(out(4), "2021-12-01")).toEqual(ok(25, "SE 24/2021"));
  });

  it("essential agencies: 100/75/50/50 % in every version and region", () => {
    for (const t of PPKM_TABLES) {
      for (const region of [jb, out]) {
        expect([1, 2, 3, 4].map((l) => resolvePreset(region(l, "essential"), t.from))).toEqual([100, 75, 50, 50].map((p) => ok(p, t.source)));
      }
    }
  });

  it("picks the version in force on the date, to the day", () => {
    expect(resolvePreset(jb(1), "2022-02-15")).toEqual(ok(75, "SE 24/2021"));
    expect(resolvePreset(jb(1), "2022-02-16")).toEqual(ok(100, "SE 05/2022"));
    expect(resolvePreset(jb(4), "2022-03-01")).toEqual(ok(0, "SE 05/2022"));
    expect(resolvePreset(jb(4), "2022-03-02")).toEqual(ok(25, "SE 06/2022"));
  });

  it("does not exist before SE 24/2021 or after PPKM ended, and says when it does", () => {
    const before = resolvePreset(jb(3), "2021-07-19");
    expect(before).toEqual({ ok: false, preset: "PPKM level 3, java-bali, non-essential", available: expect.stringContaining("2021-10-24 to 2022-02-15 (SE 24/2021)") });
    expect(resolvePreset(jb(3), "2023-01-02")).toMatchObject({ ok: false });
  });

  it("has no number where the circular depends on the zone colour, naming the versions that have one", () => {
    expect(resolvePreset(out(1), "2021-11-01")).toEqual({ ok: false, preset: "PPKM level 1, outside-java-bali, non-essential", available: "2022-02-16 to 2022-03-01 (SE 05/2022)" });
    expect(resolvePreset(out(3), "2022-04-01")).toEqual({ ok: false, preset: "PPKM level 3, outside-java-bali, non-essential", available: "2021-10-24 to 2022-02-15 (SE 24/2021)" });
  });
});

/** The tiny fixture with a start date, an officeCap and agencies.csv edits. */
async function compiled(edits: { start?: string; end?: string; officeCap?: unknown; agencies?: string }) {
  const dir = scenarioCopy(TINY, {
    "scenario.json": (text) => {
      const s = JSON.parse(text);
      if (edits.start) [s.start, s.end, s.holidays] = [edits.start, edits.end ?? edits.start, []];
      if (edits.officeCap) s.officeCap = edits.officeCap;
      return JSON.stringify(s);
    },
    ...(edits.agencies ? { "agencies.csv": edits.agencies } : {}),
  });
  return compile(await readScenario(dir));
}

async function inputIssues(edits: Parameters<typeof compiled>[0]): Promise<string[]> {
  try {
    await compiled(edits);
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((i) => formatInputIssue(i, "en"));
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("presets in a scenario", () => {
  const agencies = (rows: string) => `agency_id,name,exempt,cap_percent,cap_count,min_office,zone,ppkm_level,ppkm_region,ppkm_sector\n${rows}`;

  it("resolves scenario.json officeCap { zone } and shows it in the cap basis", async () => {
    const p = await compiled({ officeCap: { zone: "high" } });
    const dinkes = p.agencies.find((a) => a.id === "DINKES")!;
    expect(dinkes.cap).toBe(Math.floor(0.25 * dinkes.headcount));
    expect(dinkes.capBasis).toBe(`25 % (SE 67/2020, high-risk zone) of ${dinkes.headcount}`);
    // BAPPEDA's own cap_percent still wins over the scenario's preset.
    expect(p.agencies.find((a) => a.id === "BAPPEDA")!.capBasis).toMatch(/^40 % of/);
  });

  it("resolves a PPKM preset on the scenario's start date", async () => {
    const p = await compiled({ start: "2022-03-07", end: "2022-03-11", officeCap: { ppkmLevel: 2, region: "java-bali", sector: "non-essential" } });
    const dinkes = p.agencies.find((a) => a.id === "DINKES")!;
    expect(dinkes.capBasis).toBe(`75 % (SE 06/2022, PPKM level 2, Java-Bali, non-essential) of ${dinkes.headcount}`);
  });

  it("takes agencies.csv zone and ppkm_level per agency, region and sector from the scenario's PPKM preset", async () => {
    const p = await compiled({
      start: "2021-11-01", end: "2021-11-05", officeCap: { ppkmLevel: 3, region: "java-bali", sector: "non-essential" },
      agencies: agencies("DINKES,Dinas Kesehatan,false,,,,,3,,essential\nBAPPEDA,Badan Perencanaan Pembangunan Daerah,false,,,1,low,,,\nRSUD,RSUD dr. Murjani,true,,,,,,,\n"),
    });
    const [dinkes, bappeda] = ["DINKES", "BAPPEDA"].map((id) => p.agencies.find((a) => a.id === id)!);
    expect(dinkes.capBasis).toBe(`50 % (SE 24/2021, PPKM level 3, Java-Bali, essential) of ${dinkes.headcount}`);
    expect(bappeda.capBasis).toBe(`75 % (SE 67/2020, low-risk zone) of ${bappeda.headcount}`);
  });

  it("names scenario.json, the preset, the date and the dates it exists when the preset is out of its validity", async () => {
    expect(await inputIssues({ officeCap: { ppkmLevel: 3, region: "java-bali", sector: "non-essential" } })).toEqual([
      "scenario.json: officeCap: no national cap for PPKM level 3, java-bali, non-essential on 2021-07-19 (the scenario's start); that preset exists 2021-10-24 to 2022-02-15 (SE 24/2021), 2022-02-16 to 2022-03-01 (SE 05/2022), 2022-03-02 to 2022-12-30 (SE 06/2022)",
    ]);
    expect(await inputIssues({ start: "2020-03-23", end: "2020-03-27", officeCap: { zone: "high" } })).toEqual([
      "scenario.json: officeCap: no national cap for zone high on 2020-03-23 (the scenario's start); that preset exists 2020-09-04 to 2022-12-30 (SE 67/2020)",
    ]);
  });

  it("names agencies.csv and its line for a per-agency preset out of its validity, a missing region, or two caps at once", async () => {
    const issues = await inputIssues({
      agencies: agencies("DINKES,Dinas Kesehatan,false,,,,,2,,\nBAPPEDA,Badan Perencanaan Pembangunan Daerah,false,30,,,high,,,\nRSUD,RSUD dr. Murjani,true,,,,,4,java-bali,\n"),
    });
    expect(issues).toEqual([
      "agencies.csv:2: ppkm_level needs a region: add a ppkm_region column (java-bali or outside-java-bali) or make scenario.json officeCap a PPKM preset",
      "agencies.csv:3: give only one of cap_percent, cap_count, zone and ppkm_level",
      expect.stringMatching(/^agencies\.csv:4: ppkm_level: no national cap for PPKM level 4, java-bali, non-essential on 2021-07-19/),
    ]);
  });

  it("rejects an unknown zone word in agencies.csv at its cell", async () => {
    const dir = scenarioCopy(TINY, { "agencies.csv": agencies("DINKES,Dinas Kesehatan,false,,,,red,,,\nBAPPEDA,Badan,false,,,,,,,\nRSUD,RSUD,true,,,,,,,\n") });
    await expect(readScenario(dir)).rejects.toThrow(InputError);
  });

  it("exits 1 from the CLI with the message, writing nothing", () => {
    const dir = scenarioCopy(TINY, { "scenario.json": (t) => JSON.stringify({ ...JSON.parse(t), officeCap: { ppkmLevel: 1, region: "outside-java-bali" } }) });
    const out = tempDir();
    const r = giliran("solve", dir, "-o", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("scenario.json: officeCap: no national cap for PPKM level 1, outside-java-bali, non-essential on 2021-07-19");
    expect(r.stderr).toContain("2022-02-16 to 2022-03-01 (SE 05/2022)");
    expect(readdirSync(out)).toEqual([]);
  });
});
