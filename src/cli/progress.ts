/**
 * A progress bar on stderr for runs longer than about a second; silent when stderr is not a
 * terminal or with --quiet, so pipes and CI logs stay clean. A run goes through stages
 * (reading the input, solving agency by agency, writing the files), each named in the
 * planner's language.
 */
import cliProgress from "cli-progress";
import { formatMessage, type Lang } from "../messages/index.js";

export type Stage = "read" | "solve" | "xlsx" | "write";

export interface Progress {
  /** Progress of the solve stage (agencies done of total). */
  update: (done: number, total: number) => void;
  /** Progress of any stage. */
  stage: (stage: Stage, done: number, total: number) => void;
  stop: () => void;
}

export function progressBar(enabled: boolean, lang: Lang = "en"): Progress {
  if (!enabled || !process.stderr.isTTY) return { update: () => {}, stage: () => {}, stop: () => {} };
  const started = performance.now();
  const labels: Record<Stage, string> = { read: formatMessage("progress.read", {}, lang), solve: formatMessage("progress.solve", {}, lang), xlsx: formatMessage("progress.xlsx", {}, lang), write: formatMessage("progress.write", {}, lang) };
  let bar: cliProgress.SingleBar | null = null;
  let current: Stage | null = null;
  const stage = (name: Stage, done: number, total: number): void => {
    if (bar === null) {
      if (performance.now() - started < 1000) return;
      bar = new cliProgress.SingleBar({ stream: process.stderr, format: "{bar} {value}/{total} {label} | {duration}s", hideCursor: true }, cliProgress.Presets.shades_classic);
      bar.start(total, done, { label: labels[name] });
      current = name;
      return;
    }
    if (current !== name) {
      bar.setTotal(total);
      current = name;
    }
    bar.update(done, { label: labels[name] });
  };
  return {
    update: (done, total) => stage("solve", done, total),
    stage,
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
