/**
 * A backend-neutral linear / integer model (JuMP habit: the model does not know which solver
 * runs it) and its CPLEX LP text, the format HiGHS reads.
 */

export interface ModelVar {
  name: string;
  /** -Infinity for no lower bound. */
  lower: number;
  /** Infinity for no upper bound. */
  upper: number;
  integer: boolean;
}

/** One row: `lower <= sum(coef * var) <= upper`; an omitted side is unbounded. */
export interface ModelConstraint {
  name: string;
  terms: Array<[string, number]>;
  lower?: number;
  upper?: number;
}

export interface Model {
  name: string;
  sense: "max" | "min";
  objective: Map<string, number> | Record<string, number>;
  constraints: ModelConstraint[];
  vars: ModelVar[];
}

/**
 * Names the LP readers accept without ambiguity: a letter or underscore, then letters,
 * digits, `_` or `.`. A leading `e`/`E` is refused because LP readers may take it for the
 * exponent of a preceding number; `inf`/`free` are refused because they are keywords.
 */
const SAFE_NAME = /^[A-DF-Za-df-z_][A-Za-z0-9_.]*$/;
const KEYWORDS = new Set(["inf", "infinity", "free"]);

export function isSafeName(name: string): boolean {
  return name.length <= 255 && SAFE_NAME.test(name) && !KEYWORDS.has(name.toLowerCase());
}

function checkName(name: string, what: string): void {
  if (!isSafeName(name)) throw new Error(`writeLp: unsafe ${what} name ${JSON.stringify(name)}`);
}

function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`writeLp: non-finite number ${value}`);
  return String(value);
}

/** Terms as `+ 2 x - y ...`, wrapped so that no line grows without limit. */
function linear(terms: Iterable<[string, number]>, known: Set<string>): string {
  const parts: string[] = [];
  for (const [name, coef] of terms) {
    if (coef === 0) continue;
    if (!known.has(name)) throw new Error(`writeLp: unknown variable ${JSON.stringify(name)}`);
    const sign = coef < 0 ? "-" : "+";
    const abs = Math.abs(coef);
    parts.push(abs === 1 ? `${sign} ${name}` : `${sign} ${num(abs)} ${name}`);
  }
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 8) lines.push(parts.slice(i, i + 8).join(" "));
  return lines.join("\n   ");
}

/**
 * The model in CPLEX LP format. A row bounded on both sides becomes two rows
 * (`name_lo`, `name_hi`) because HiGHS' LP reader has no ranged rows; equal bounds give one
 * `=` row. Rows without a nonzero term cannot be written (the reader rejects them): the model
 * builder must decide them itself, so they are an error here.
 */
export function writeLp(model: Model): string {
  const known = new Set<string>();
  for (const v of model.vars) {
    checkName(v.name, "variable");
    if (known.has(v.name)) throw new Error(`writeLp: duplicate variable ${v.name}`);
    if (Number.isNaN(v.lower) || Number.isNaN(v.upper) || v.lower > v.upper) throw new Error(`writeLp: bad bounds for ${v.name}`);
    known.add(v.name);
  }
  const out: string[] = [];
  out.push(`\\ ${model.name.replace(/[\r\n]/g, " ")}`);
  out.push(model.sense === "max" ? "Maximize" : "Minimize");
  const objective = model.objective instanceof Map ? model.objective.entries() : Object.entries(model.objective);
  out.push(` obj: ${linear(objective, known)}`);
  out.push("Subject To");
  const rowNames = new Set<string>();
  const row = (name: string, body: string, op: string, rhs: number): void => {
    checkName(name, "constraint");
    if (rowNames.has(name)) throw new Error(`writeLp: duplicate constraint ${name}`);
    rowNames.add(name);
    out.push(` ${name}: ${body} ${op} ${num(rhs)}`);
  };
  for (const c of model.constraints) {
    const body = linear(c.terms, known);
    if (body === "") throw new Error(`writeLp: constraint ${c.name} has no nonzero term`);
    const lower = c.lower ?? -Infinity;
    const upper = c.upper ?? Infinity;
    if (lower === upper) row(c.name, body, "=", lower);
    else if (lower > -Infinity && upper < Infinity) {
      row(`${c.name}_lo`, body, ">=", lower);
      row(`${c.name}_hi`, body, "<=", upper);
    } else if (lower > -Infinity) row(c.name, body, ">=", lower);
    else if (upper < Infinity) row(c.name, body, "<=", upper);
    else throw new Error(`writeLp: constraint ${c.name} has no bound`);
  }
  out.push("Bounds");
  for (const v of model.vars) {
    if (v.lower === -Infinity && v.upper === Infinity) out.push(` ${v.name} free`);
    else if (v.lower === v.upper) out.push(` ${v.name} = ${num(v.lower)}`);
    else if (v.lower === -Infinity) out.push(` -inf <= ${v.name} <= ${num(v.upper)}`);
    else if (v.upper === Infinity) out.push(` ${v.name} >= ${num(v.lower)}`);
    else out.push(` ${num(v.lower)} <= ${v.name} <= ${num(v.upper)}`);
  }
  const integers = model.vars.filter((v) => v.integer).map((v) => v.name);
  if (integers.length > 0) {
    out.push("General");
    for (let i = 0; i < integers.length; i += 10) out.push(` ${integers.slice(i, i + 10).join(" ")}`);
  }
  out.push("End", "");
  return out.join("\n");
}
