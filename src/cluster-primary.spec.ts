import cluster from 'node:cluster';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { runPrimary } from './cluster-primary';

const WORKER = join(__dirname, '..', 'test', 'fixtures', 'cluster', 'worker.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const waitFor = async (what: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !what(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!what()) throw new Error('timed out');
};
const pidsServing = async (port: number, calls: number): Promise<Set<string>> => {
  const pids = new Set<string>();
  for (let i = 0; i < calls; i++) pids.add(await (await fetch(`http://127.0.0.1:${port}/`, { headers: { connection: 'close' } })).text());
  return pids;
};

describe('runPrimary (WEB_CONCURRENCY > 1)', () => {
  let port: number;
  const lines: string[] = [];
  beforeEach(async () => {
    port = await freePort();
    lines.length = 0;
  });

  it('starts the workers, which share the port; stop() ends them all and done resolves 0', async () => {
    cluster.setupPrimary({ exec: WORKER, execArgv: [], args: [String(port), 'listen'] });
    const primary = runPrimary(2, (l) => lines.push(l));
    await waitFor(() => lines.some((l) => l.includes('2 workers listening')));
    expect(Object.keys(cluster.workers ?? {})).toHaveLength(2);
    const pids = new Set(Object.values(cluster.workers ?? {}).map((w) => String(w?.process.pid)));
    const served = await pidsServing(port, 20);
    for (const pid of served) expect(pids.has(pid)).toBe(true);
    primary.stop();
    await expect(primary.done).resolves.toBe(0);
    expect(Object.keys(cluster.workers ?? {})).toHaveLength(0);
  });

  it('replaces a worker that exits after it listened', async () => {
    cluster.setupPrimary({ exec: WORKER, execArgv: [], args: [String(port), 'listen'] });
    const primary = runPrimary(2, (l) => lines.push(l));
    await waitFor(() => lines.some((l) => l.includes('2 workers listening')));
    const victim = Object.values(cluster.workers ?? {})[0];
    victim?.process.kill('SIGKILL');
    await waitFor(() => lines.some((l) => l.includes('starting a replacement')) && lines.filter((l) => l.includes('workers listening')).length === 2);
    expect(Object.keys(cluster.workers ?? {})).toHaveLength(2);
    expect(Object.values(cluster.workers ?? {}).map((w) => w?.process.pid)).not.toContain(victim?.process.pid);
    primary.stop();
    await expect(primary.done).resolves.toBe(0);
  });

  it('stops with exit code 1 when a worker exits before it ever listened (no restart loop)', async () => {
    cluster.setupPrimary({ exec: WORKER, execArgv: [], args: [String(port), 'crash'] });
    const primary = runPrimary(2, (l) => lines.push(l));
    await expect(primary.done).resolves.toBe(1);
    expect(lines.join('\n')).toMatch(/exited before it listened \(code 3\); stopping/);
    expect(Object.keys(cluster.workers ?? {})).toHaveLength(0);
  });
});
