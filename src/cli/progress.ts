/**
 * A progress bar on stderr for runs longer than about a second; silent when stderr is not a
 * terminal or with --quiet, so pipes and CI logs stay clean.
 */
import cliProgress from "cli-progress";

export interface Progress {
  update: (done: number, total: number) => void;
  stop: () => void;
}

export function progressBar(enabled: boolean, label = "agencies"): Progress {
  if (!enabled || !process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const started = performance.now();
  let bar: cliProgress.SingleBar | null = null;
  return {
    update(done, total) {
      if (bar === null) {
        if (performance.now() - started < 1000) return;
        bar = new cliProgress.SingleBar({ stream: process.stderr, format: `{bar} {value}/{total} ${label} | {duration}s`, hideCursor: true }, cliProgress.Presets.shades_classic);
        bar.start(total, done);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
