/**
 * Zod issues turned into the few facts an input message needs (where, what was expected,
 * what was found). Unions are resolved to the branch the user evidently meant, so a bad
 * optional cell reports the cell's own problem and not "expected undefined".
 */
import type { z } from "zod";

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** A problem with one value, or keys that the schema does not know. */
export type FlatIssue =
  | { kind: "value"; path: Path; expected: string; missing: boolean; received: unknown }
  | { kind: "unknown_key"; path: Path; keys: string[] };

/** What to say is expected where a union matched none of its forms (keyed by dotted path). */
export type UnionDescriptions = Readonly<Record<string, string>>;

/**
 * Flatten zod issues, resolving unions; paths are absolute (prefixed with `base`).
 *
 * @example flattenIssues(z.number().max(100).safeParse(120, { reportInput: true }).error!.issues)
 * //=> [{ kind: "value", path: [], expected: "<= 100", missing: false, received: 120 }]
 */
export function flattenIssues(issues: readonly Issue[], base: Path = [], unions: UnionDescriptions = {}): FlatIssue[] {
  const out: FlatIssue[] = [];
  for (const issue of issues) flattenOne(issue, base, unions, out);
  return out;
}

function flattenOne(issue: Issue, base: Path, unions: UnionDescriptions, out: FlatIssue[]): void {
  const path = [...base, ...issue.path];
  if (issue.code === "unrecognized_keys") {
    out.push({ kind: "unknown_key", path, keys: [...issue.keys] });
    return;
  }
  if (issue.code === "invalid_union" && "errors" in issue && issue.errors.length > 0) {
    const branches = issue.errors;
    const scored = branches.map((b) => ({ b, mismatch: b.filter(isMismatch).length }));
    const best = Math.min(...scored.map((s) => s.mismatch));
    if (best === 0) {
      const fits = scored.filter((s) => s.mismatch === 0).sort((x, y) => x.b.length - y.b.length);
      for (const inner of fits[0].b) flattenOne(inner, path, unions, out);
      return;
    }
    // Every form rejects the same key: most likely a typo of a key of one of the forms.
    const common = commonUnknownKeys(branches);
    if (common.length > 0) {
      out.push({ kind: "unknown_key", path, keys: common });
      return;
    }
    out.push({ kind: "value", path, expected: unions[path.map(String).join(".")] ?? issue.message, missing: !("input" in issue) || issue.input === undefined, received: issue.input });
    return;
  }
  const missing = !("input" in issue) || issue.input === undefined;
  const received = issue.code === "custom" && issue.params?.received !== undefined ? issue.params.received : issue.input;
  out.push({ kind: "value", path, expected: expectedOf(issue), missing, received });
}

/** A branch issue that says "this is not the form you wrote" rather than "this value is wrong". */
function isMismatch(issue: Issue): boolean {
  if (issue.code === "invalid_type") return issue.path.length === 0 || !("input" in issue) || issue.input === undefined;
  return issue.code === "unrecognized_keys" && issue.path.length === 0;
}

function commonUnknownKeys(branches: readonly (readonly Issue[])[]): string[] {
  const sets = branches.map((b) => new Set(b.flatMap((i) => (i.code === "unrecognized_keys" && i.path.length === 0 ? i.keys : []))));
  return [...sets[0]].filter((k) => sets.every((s) => s.has(k)));
}

/** The expected value, in the schema's own terms (symbols and value lists, not prose). */
export function expectedOf(issue: Issue): string {
  switch (issue.code) {
    case "custom":
      return String(issue.params?.expected ?? issue.message);
    case "invalid_type":
      return issue.expected;
    case "invalid_value":
      return issue.values.map((v) => JSON.stringify(v)).join(", ");
    case "too_small":
      return `${issue.origin === "number" || issue.origin === "bigint" ? "" : `${issue.origin} length `}${issue.inclusive ? ">=" : ">"} ${String(issue.minimum)}`;
    case "too_big":
      return `${issue.origin === "number" || issue.origin === "bigint" ? "" : `${issue.origin} length `}${issue.inclusive ? "<=" : "<"} ${String(issue.maximum)}`;
    case "not_multiple_of":
      return `a multiple of ${String(issue.divisor)}`;
    case "invalid_format":
      return issue.format;
    default:
      return issue.message;
  }
}
