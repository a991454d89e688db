import { BATCH_TEXT } from '../../messages/batch';

/** What the batch tells whoever watches: a file finished. */
export interface Progress {
  tick(file: string): void;
  stop(): void;
}

export const NO_PROGRESS: Progress = { tick: () => undefined, stop: () => undefined };

/**
 * A progress bar on the terminal's standard error (cli-progress): files done
 * of all, files per second, time left and the file just finished. Only on a
 * terminal: piped or redirected, stderr gets nothing but the closing lines.
 */
export async function progressBar(total: number, stream: NodeJS.WritableStream): Promise<Progress> {
  const { SingleBar } = await import('cli-progress');
  const bar = new SingleBar({ format: BATCH_TEXT.progressFormat, stream, hideCursor: true, clearOnComplete: true, fps: 10, etaBuffer: 200 });
  const started = Date.now();
  let done = 0;
  bar.start(total, 0, { rate: '0', file: '' });
  return {
    tick(file) {
      done++;
      const seconds = (Date.now() - started) / 1000;
      bar.update(done, { rate: seconds > 0 ? (done / seconds).toFixed(0) : '0', file });
    },
    stop: () => bar.stop(),
  };
}
