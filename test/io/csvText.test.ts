import { describe, expect, it } from "vitest";
import { csvCell, inputCell, neutralizeFormula, unneutralizeFormula } from "../../src/io/csvText.js";

describe("csvCell", () => {
  it("leaves plain cells as they are", () => {
    expect(csvCell("E001")).toBe("E001");
    expect(csvCell("2021-07-19")).toBe("2021-07-19");
    expect(csvCell("")).toBe("");
    expect(csvCell("Siti Nurhaliza")).toBe("Siti Nurhaliza");
  });

  it("quotes cells holding the delimiter, a quote, CR or LF, doubling inner quotes", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "ya"')).toBe('"say ""ya"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("cr\rhere")).toBe('"cr\rhere"');
  });

  it("quotes for the delimiter in use only", () => {
    expect(csvCell("a;b")).toBe("a;b");
    expect(csvCell("a;b", ";")).toBe('"a;b"');
    expect(csvCell("a,b", ";")).toBe("a,b");
  });

  it("quotes cells with leading or trailing spaces, which readers would trim", () => {
    expect(csvCell(" x")).toBe('" x"');
    expect(csvCell("x ")).toBe('"x "');
    expect(csvCell("x\t")).toBe('"x\t"');
    expect(csvCell("a b")).toBe("a b");
  });
});

describe("neutralizeFormula", () => {
  it("prefixes a quote mark to text a spreadsheet would run as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) {
      expect(neutralizeFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    }
  });

  it("leaves other text alone, quote marks included", () => {
    expect(neutralizeFormula("Siti")).toBe("Siti");
    expect(neutralizeFormula("1-2")).toBe("1-2");
    expect(neutralizeFormula("'quoted")).toBe("'quoted");
    expect(neutralizeFormula("")).toBe("");
  });

  it("adds a quote mark to text already neutralized-looking, so reading back restores it exactly", () => {
    expect(neutralizeFormula("'=x")).toBe("''=x");
    for (const text of ["=x", "'=x", "''+y", "'plain", "plain", "-", "'", "@"]) {
      expect(unneutralizeFormula(neutralizeFormula(text))).toBe(text);
    }
  });
});

describe("inputCell", () => {
  it("neutralizes, then quotes", () => {
    expect(inputCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(inputCell("=1+1")).toBe("'=1+1");
    expect(inputCell("-5")).toBe("'-5");
    expect(inputCell("@SUM(A1),x")).toBe(`"'@SUM(A1),x"`);
    expect(inputCell("\tcmd")).toBe("'\tcmd");
    expect(inputCell("Siti, S.Pd")).toBe('"Siti, S.Pd"');
  });
});
