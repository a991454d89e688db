import type { FileSystem } from '../file-system';
import { WORKER_FLAG } from './worker-flag';
import { scoreFile } from './score-file';
import type { FileReport, Job } from './types';

/** Runs a batch's jobs: results come back as they finish (in any order), each job exactly once. */
export interface Runner {
  /** Resolves when every job given before `stop()` was called has reported. */
  run(jobs: readonly Job[], onReport: (report: FileReport) => void): Promise<void>;
  /** Hands out no further job (Ctrl-C): the files being scored finish, the others are not started. */
  stop(): void;
}


/** Jobs scored one after the other in this thread (--jobs 1: no worker to start). */
export function inThreadRunner(fs: FileSystem, tempTag: () => string): Runner {
  let stopped = false;
  return {
    async run(jobs, onReport) {
      for (const job of jobs) {
        if (stopped) return;
        onReport(await scoreFile(job, fs, tempTag));
      }
    },
    stop: () => void (stopped = true),
  };
}

/** How many jobs each worker holds at once: one being scored, one waiting, so no worker idles on a message. */
const IN_FLIGHT = 2;

/**
 * Jobs spread over `count` worker threads, each running `script` (the CLI's
 * entry file, in the tsc output and in the one-file bundle alike) with
 * WORKER_FLAG. Each worker reads its files itself: a file's bytes never
 * cross threads, only its report.
 */
export function workerRunner(script: string, count: number): Runner {
  let stopped = false;
  return {
    async run(jobs, onReport) {
      // Loaded here: --help, --version and `score` never load worker_threads.
      const { Worker } = await import('worker_threads');
      let next = 0;
      const workers = Array.from({ length: Math.max(1, Math.min(count, jobs.length)) }, () => new Worker(script, { argv: [WORKER_FLAG] }));
      try {
        await Promise.all(
          workers.map(
            (worker) =>
              new Promise<void>((resolve, reject) => {
                let held = 0;
                const feed = () => {
                  while (!stopped && held < IN_FLIGHT && next < jobs.length) {
                    worker.postMessage(jobs[next++]);
                    held++;
                  }
                  if (held === 0) resolve();
                };
                worker.on('message', (report: FileReport) => {
                  held--;
                  onReport(report);
                  feed();
                });
                worker.on('error', reject);
                worker.on('exit', (code) => (held > 0 ? reject(new Error(`worker exited with code ${code}`)) : resolve()));
                feed();
              }),
          ),
        );
      } finally {
        await Promise.all(workers.map((w) => w.terminate()));
      }
    },
    stop: () => void (stopped = true),
  };
}
