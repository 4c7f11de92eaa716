/** Measuring helpers shared by the benchmarks. */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

export const fmtMs = (x: number): string => `${x.toFixed(x < 10 ? 3 : 1)} ms`;
export const fmtMb = (b: number): string => `${(b / 1048576).toFixed(1)} MB`;

/** The p-th percentile (nearest rank) of xs. */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** wall ms and CPU ms (user + system) of f: the machine may be shared, CPU time is the steadier figure */
export function timed<T>(f: () => T): [T, number, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [r, wall, (c.user + c.system) / 1000];
}

let gcFn: (() => void) | null = null;

/** Heap in use (JS heap + array buffers) after two full garbage collections. */
export function heapAfterGc(): number {
  if (!gcFn) {
    v8.setFlagsFromString('--expose-gc');
    gcFn = vm.runInNewContext('gc') as () => void;
  }
  gcFn();
  gcFn();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}
