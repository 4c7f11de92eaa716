import { Presets, SingleBar } from 'cli-progress';

/** Progress of one import, in rows written; the import reports each phase (table) as it goes. */
export interface ImportProgress {
  /** A step without a row count (reading and validating the input). */
  step(message: string): void;
  start(total: number, phase: string): void;
  /** `done` rows of `total` written so far, now in `phase`. */
  update(done: number, phase: string): void;
  stop(): void;
}

export const NO_PROGRESS: ImportProgress = { step() {}, start() {}, update() {}, stop() {} };

/** A cli-progress bar on stdout when it is a terminal, otherwise nothing (logs and pipes stay clean). */
export function terminalProgress(stream: NodeJS.WriteStream = process.stdout): ImportProgress {
  if (!stream.isTTY) return NO_PROGRESS;
  const bar = new SingleBar(
    { format: '{phase} [{bar}] {percentage}% | {value}/{total} rows | {duration_formatted}', stream, hideCursor: true, clearOnComplete: true, fps: 5 },
    Presets.shades_classic,
  );
  return {
    step: (message) => stream.write(`${message}…\n`),
    start: (total, phase) => bar.start(Math.max(total, 1), 0, { phase: phase.padEnd(18) }),
    update: (done, phase) => bar.update(done, { phase: phase.padEnd(18) }),
    stop: () => bar.stop(),
  };
}
