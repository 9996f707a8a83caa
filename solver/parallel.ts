/**
 * Agencies are independent, so a big problem is split among worker threads: each gets the
 * agencies of its share (balanced by headcount, largest first) as a self-contained
 * sub-problem, solves it with the same sequential solver, and sends back its people's modes.
 * The roster is the same, byte for byte, as a sequential solve: only where it runs differs.
 */
import { Worker } from "node:worker_threads";
import { InfeasibleError, type InfeasibleCause } from "../src/domain/errors.js";
import type { Problem, Roster } from "../src/domain/problem.js";
import { emptyRoster } from "../src/domain/problem.js";
import type { BackendName } from "./backend.js";
import { loadBackend } from "./backend.js";
import { solveProblem, type SolveStats } from "./solve.js";

export interface WorkerRequest {
  problem: Problem;
  backend: BackendName;
}

export type WorkerReply =
  | { ok: true; modes: Uint8Array; models: number; unprovenAgencies: string[] }
  | { ok: false; causes: InfeasibleCause[]; models: number }
  | { ok: false; error: string };

/** The part of a problem holding only `agencies`, re-indexed from 0. */
export function subProblem(problem: Problem, agencies: number[]): Problem {
  const people: Problem["people"] = [];
  const newAgencies = agencies.map((a, index) => {
    const agency = problem.agencies[a];
    const members = agency.people.map((p) => {
      people.push({ ...problem.people[p], index: people.length, agency: index });
      return people.length - 1;
    });
    return { ...agency, index, people: members };
  });
  return { ...problem, people, agencies: newAgencies };
}

/** Split agencies into `parts` shares of similar headcount (longest processing time first). */
export function balance(problem: Problem, parts: number): number[][] {
  const shares: number[][] = Array.from({ length: parts }, () => []);
  const load = new Array<number>(parts).fill(0);
  const order = problem.agencies.map((a) => a.index).sort((x, y) => problem.agencies[y].people.length - problem.agencies[x].people.length || x - y);
  for (const a of order) {
    let best = 0;
    for (let k = 1; k < parts; k++) if (load[k] < load[best]) best = k;
    shares[best].push(a);
    load[best] += problem.agencies[a].people.length + 50; // a fixed cost per agency
  }
  return shares.map((share) => share.sort((x, y) => x - y)).filter((share) => share.length > 0);
}

function runWorker(request: WorkerRequest): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./worker.js", import.meta.url), { workerData: request });
    worker.once("message", (reply: WorkerReply) => {
      resolve(reply);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`solver worker exited with code ${code}`));
    });
  });
}

/**
 * Solve with `threads` threads (the calling thread counts as one). Causes from every share
 * are gathered, in agency order, before `InfeasibleError` is thrown.
 */
export async function solveInParallel(problem: Problem, backendName: BackendName, threads: number, onAgency?: (done: number, total: number) => void): Promise<{ roster: Roster; stats: SolveStats }> {
  const shares = balance(problem, threads);
  const [own, ...others] = shares;
  const pending = others.map((share) => ({ share, reply: runWorker({ problem: subProblem(problem, share), backend: backendName }) }));
  const causes: InfeasibleCause[] = [];
  const stats: SolveStats = { models: 0, unproven: 0, unprovenAgencies: [] };
  const days = problem.calendar.days.length;
  let roster: Roster = emptyRoster(problem.people.length, days);
  const copyBack = (share: number[], modes: Uint8Array): void => {
    let row = 0;
    for (const a of share) for (const p of problem.agencies[a].people) {
      roster.modes.set(modes.subarray(row * days, (row + 1) * days), p * days);
      row++;
    }
  };

  // The calling thread's own share, solved in place while the workers run.
  const total = problem.agencies.length;
  let done = 0;
  try {
    const result = solveProblem(problem, { backend: await loadBackend(backendName), agencies: own, onAgency: () => onAgency?.(++done, total) });
    stats.models += result.stats.models;
    stats.unprovenAgencies.push(...result.stats.unprovenAgencies);
    roster = result.roster;
  } catch (error) {
    if (!(error instanceof InfeasibleError)) throw error;
    causes.push(...error.causes);
  }
  for (const { share, reply } of pending) {
    const result = await reply;
    if ("error" in result) throw new Error(`solver worker: ${result.error}`);
    stats.models += result.models;
    if (result.ok) {
      copyBack(share, result.modes);
      stats.unprovenAgencies.push(...result.unprovenAgencies);
    }
    else causes.push(...result.causes);
    done += share.length;
    onAgency?.(done, total);
  }
  stats.unproven = stats.unprovenAgencies.length;
  if (causes.length > 0) {
    const order = new Map(problem.agencies.map((a) => [a.id, a.index]));
    causes.sort((x, y) => order.get(x.agencyId)! - order.get(y.agencyId)!);
    throw new InfeasibleError(causes);
  }
  return { roster, stats };
}
