/** A solver thread: solves the sub-problem it is handed and posts back the modes (see parallel.ts). */
import { parentPort, workerData } from "node:worker_threads";
import { InfeasibleError } from "../src/domain/errors.js";
import { loadBackend } from "./backend.js";
import { solveProblem } from "./solve.js";
import type { WorkerReply, WorkerRequest } from "./parallel.js";

const request = workerData as WorkerRequest;
let reply: WorkerReply;
try {
  const { roster, stats } = solveProblem(request.problem, { backend: await loadBackend(request.backend) });
  reply = { ok: true, modes: roster.modes, models: stats.models, unprovenAgencies: stats.unprovenAgencies };
} catch (error) {
  reply = error instanceof InfeasibleError
    ? { ok: false, causes: error.causes, models: 0 }
    : { ok: false, error: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) };
}
parentPort!.postMessage(reply, "modes" in reply ? [reply.modes.buffer as ArrayBuffer] : []);
