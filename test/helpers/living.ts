/**
 * What the count solver honours of the living plan (dated caps, pins, wishes), probed on
 * tiny problems: the end-to-end replan tests need all three and are skipped, with the reason
 * in their name, until the solver has them.
 */
import { PIN_OFFICE, WISH_OFFICE, type Problem } from "../../src/domain/problem.js";
import { solveProblem } from "../../solver/solve.js";
import { loadBackend } from "../../solver/backend.js";
import { verifyRoster } from "../../src/verify/rules.js";
import { wishesGranted } from "../../src/metrics/requests.js";
import { buildProblem } from "./problemBuilder.js";

const DAYS = ["2021-07-19", "2021-07-20"];

function threePeople(cap: number): Problem {
  return buildProblem({ days: DAYS, agencies: [{ id: "A", cap }], people: [{ id: "E01" }, { id: "E02" }, { id: "E03" }] });
}

async function solves(problem: Problem): Promise<{ ok: boolean; granted: number; wishes: number }> {
  try {
    const { roster } = solveProblem(problem, { backend: await loadBackend("jslp") });
    const { granted, wishes } = wishesGranted(problem, roster);
    return { ok: verifyRoster(problem, roster).ok, granted, wishes };
  } catch {
    return { ok: false, granted: 0, wishes: 0 };
  }
}

export interface SolverSupport {
  datedCaps: boolean;
  pins: boolean;
  wishes: boolean;
}

/** Probe the solver once per test file. */
export async function solverSupport(): Promise<SolverSupport> {
  const dated = threePeople(2);
  dated.agencies[0].dayCaps = [null, 1];
  const datedCaps = (await solves(dated)).ok;
  let pins = true;
  let wishes = true;
  for (const who of [0, 1, 2]) {
    const pinned = threePeople(1);
    pinned.people[who].requests = Uint8Array.from([PIN_OFFICE, PIN_OFFICE]);
    pins &&= (await solves(pinned)).ok;
    const wished = threePeople(1);
    wished.people[who].requests = Uint8Array.from([WISH_OFFICE, 0]);
    wished.people[(who + 1) % 3].requests = Uint8Array.from([0, WISH_OFFICE]);
    const result = await solves(wished);
    wishes &&= result.ok && result.granted === result.wishes;
  }
  return { datedCaps, pins, wishes };
}
