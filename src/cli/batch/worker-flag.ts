/** The flag that makes the CLI's own entry file run as a batch worker (src/cli/selfeval.ts, pool.ts). */
export const WORKER_FLAG = '--selfeval-batch-worker';
