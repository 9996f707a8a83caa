import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scenarioSchema } from "../../src/domain/scenario.js";
import { MAX_COUNT, parseCount, parseEmployment, parsePercent, parseRank, unitKey } from "../../src/domain/values.js";

describe("parseCount", () => {
  it("reads digit strings from 0 to 10,000,000, spaces around and leading zeros allowed", () => {
    expect(["0", " 5 ", "007", "10000000", `${"0".repeat(400)}42`].map(parseCount)).toEqual([0, 5, 7, MAX_COUNT, 42]);
  });

  it("refuses anything else: hex, exponents, signs, decimals, separators, words, too many digits", () => {
    for (const raw of ["0x10", "1e1", "+5", "-1", "5.0", "1.000", "1,000", "Infinity", "NaN", "", " ", "10000001", "9".repeat(400), "٥", "5 5"]) {
      expect(parseCount(raw), raw).toBeNull();
    }
  });

  it("gives Number's value for every plain digit string in range", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_COUNT }), (n) => parseCount(String(n)) === n));
  });
});

describe("parsePercent", () => {
  it("reads decimals with a point or a comma, with an optional % sign, from 0 to 100", () => {
    expect(["0", "25", "12.5", "12,5", " 33,333 ", "100", "100.0", "50 %", "050"].map(parsePercent)).toEqual([0, 25, 12.5, 12.5, 33.333, 100, 100, 50, 50]);
  });

  it("refuses hex, exponents, signs, Infinity, several marks, out of range and long numbers", () => {
    for (const raw of ["0x10", "1e1", "+5", "-0", "Infinity", "1.2.3", "1,2,3", ".5", "5.", "100.01", "101", "9".repeat(400), "", "%"]) {
      expect(parsePercent(raw), raw).toBeNull();
    }
  });
});

describe("rank and employment names", () => {
  it("reads a rank or its alias in any case, spaces or dashes for underscores", () => {
    expect(["eselon_3", "Eselon 3", "ESELON-3", " administrator ", "Pengawas", "JPT Pratama", "jpt-madya", "Fungsional"].map(parseRank))
      .toEqual(["eselon_3", "eselon_3", "eselon_3", "eselon_3", "eselon_4", "eselon_2", "eselon_1", "fungsional"]);
    expect(parseRank("kepala")).toBeNull();
  });

  it("reads an employment type in any case, and p3k for pppk", () => {
    expect(["PNS", " pppk ", "P3K", "Honorer", "ptt"].map(parseEmployment)).toEqual(["pns", "pppk", "pppk", "honorer", "ptt"]);
    expect(parseEmployment("kontrak")).toBeNull();
  });

  it("takes the same names in scenario.json as in the CSV files", () => {
    const config = scenarioSchema.parse({
      name: "t", start: "2021-07-19", end: "2021-07-23", officeCap: { count: 1 },
      mandatory: { ranks: ["administrator", "Eselon_4", "JPT Madya"] },
      rotating: { employment: ["PNS", "P3K"] },
    });
    expect(config.mandatory.ranks).toEqual(["eselon_3", "eselon_4", "eselon_1"]);
    expect(config.rotating.employment).toEqual(["pns", "pppk"]);
  });
});

describe("unitKey", () => {
  it("ignores case, surrounding space and runs of inner space", () => {
    expect(new Set(["Sub Bagian Umum", " sub bagian  umum ", "SUB\tBAGIAN UMUM"].map(unitKey))).toEqual(new Set(["sub bagian umum"]));
    expect(unitKey("Keuangan")).not.toBe(unitKey("Keuangan 2"));
    expect(unitKey("")).toBe("");
  });
});
