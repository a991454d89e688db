import { parentPort } from 'worker_threads';
import { nodeFileSystem } from '../node-file-system';
import { scoreFile } from './score-file';
import type { Job } from './types';

/**
 * A batch worker: scores each job the main thread posts and posts back its
 * report. Started by workerRunner as the CLI's own entry file with
 * WORKER_FLAG, so the one-file bundle needs no second file.
 */
export function runBatchWorker(tempTag: () => string): boolean {
  const port = parentPort;
  if (!port) return false;
  port.on('message', (job: Job) => {
    void scoreFile(job, nodeFileSystem, tempTag).then((report) => port.postMessage(report));
  });
  return true;
}
