import { describe, expect, it } from "vitest";
import { closestName, editDistance, nameKey } from "../../src/domain/names.js";
import { positionMatcher, positionPatternError } from "../../src/domain/positions.js";

describe("nameKey", () => {
  it("ignores case, surrounding space and runs of inner space", () => {
    expect(nameKey("  Bidang   Pelayanan ")).toBe("bidang pelayanan");
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("Perpustakan", "Perpustakaan")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });

  it("stops early with limit + 1 once the distance must exceed the limit", () => {
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
  });
});

describe("closestName", () => {
  it("names the closest existing name, case and spacing ignored", () => {
    expect(closestName("Perpustakan", ["Sekretariat", "Bidang Kearsipan", "Perpustakaan"])).toBe("Perpustakaan");
    expect(closestName("DISHUBB", ["DISHUB", "DINKES"])).toBe("DISHUB");
    expect(closestName("sekretariat", ["Sekretariat", "Sekretariat Daerah"])).toBe("Sekretariat");
  });

  it("has nothing to offer without candidates", () => {
    expect(closestName("x", [])).toBeNull();
  });
});

describe("mandatory positions", () => {
  const heads = positionMatcher(["Kepala Dinas", "Camat", "/^direktur( utama)?\\b/"]);

  it("match the start of a position on word boundaries, case and spacing ignored", () => {
    expect(heads("Kepala Dinas")).toBe(true);
    expect(heads("Kepala Dinas Perhubungan")).toBe(true);
    expect(heads("  KEPALA   dinas  Kesehatan ")).toBe(true);
    expect(heads("Camat Baamang")).toBe(true);
    expect(heads("Kepala Dinas, Perhubungan")).toBe(true);
  });

  it("do not match inside a word or later in the title", () => {
    expect(heads("Kepala Dinasti")).toBe(false);
    expect(heads("Camatan")).toBe(false);
    expect(heads("Sekretaris Kepala Dinas")).toBe(false);
    expect(heads("Kepala")).toBe(false);
  });

  it("take /regex/ entries as regular expressions, case-insensitive", () => {
    expect(heads("Direktur Utama RSUD")).toBe(true);
    expect(heads("DIREKTUR")).toBe(true);
    expect(heads("Wakil Direktur")).toBe(false);
  });

  it("reject a /regex/ that does not compile and an empty title", () => {
    expect(positionPatternError("/Kepala (Dinas/")).toMatch(/regular expression/i);
    expect(positionPatternError("  ")).not.toBeNull();
    expect(positionPatternError("Kepala Dinas")).toBeNull();
    expect(positionPatternError("/^camat/i")).toBeNull();
  });
});
