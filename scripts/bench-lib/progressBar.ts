import { SingleBar } from 'cli-progress';

/** A progress bar on standard error; when that is a file or a pipe, a line every few seconds instead. */
export function progressBar(label: string, total: number): { update(done: number): void; stop(): void } {
  const started = performance.now();
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} | {speed}/s | ETA {eta_formatted}`,
    stream: process.stderr,
    hideCursor: true,
    etaBuffer: 50,
    noTTYOutput: true,
    notTTYSchedule: 5000,
  });
  bar.start(total, 0, { speed: '0' });
  return {
    update(done: number) {
      bar.update(done, { speed: String(Math.round(done / Math.max(0.001, (performance.now() - started) / 1000))) });
    },
    stop() {
      bar.stop();
    },
  };
}
