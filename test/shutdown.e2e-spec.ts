import { connect, Socket } from 'node:net';
import { installGracefulShutdown } from '../src/graceful-shutdown';
import { startTestApp, TestApp } from './support/test-app';

/** A POST /graphql whose body arrives in two parts, so the request is in flight in between. */
function slowRequest(port: number, token: string, query: string): { socket: Socket; finish: () => void; response: Promise<string> } {
  const body = JSON.stringify({ query });
  const socket = connect(port, '127.0.0.1');
  const half = Math.floor(body.length / 2);
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer ${token}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n` + body.slice(0, half),
  );
  let received = '';
  const response = new Promise<string>((resolve) => {
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('close', () => resolve(received));
    socket.on('error', () => resolve(received));
  });
  return { socket, finish: () => socket.write(body.slice(half)), response };
}

const refused = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(true));
  });

describe('SIGTERM: stop accepting, drain in-flight requests (bounded), then close the database', () => {
  let t: TestApp;
  let uninstall: () => void = () => undefined;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    uninstall();
    await t.close().catch(() => undefined);
  });

  it('a mutation in flight when SIGTERM arrives completes; new connections are refused; then the database closes and the process exits 0', async () => {
    const port = Number(new URL(t.url).port);
    const lines: string[] = [];
    let exitCode: number | null = null;
    const exited = new Promise<void>((resolve) => {
      uninstall = installGracefulShutdown(t.app, {
        graceMs: 10_000,
        log: (line) => lines.push(line),
        signals: ['SIGUSR2'],
        exit: (code) => {
          exitCode = code;
          resolve();
        },
      });
    });
    const inFlight = slowRequest(port, await t.token('ADMIN'), `mutation { createCandidate(input: { name: "Drained Candidate" }) { id name } }`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.emit('SIGUSR2', 'SIGUSR2');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await refused(port)).toBe(true);
    expect(t.dataSource.isInitialized).toBe(true);
    expect(exitCode).toBeNull();
    inFlight.finish();
    const response = await inFlight.response;
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    expect(response).toContain('"name":"Drained Candidate"');
    expect(response.toLowerCase()).toContain('\r\nconnection: close\r\n');
    await exited;
    expect(exitCode).toBe(0);
    expect(t.dataSource.isInitialized).toBe(false);
    expect(lines.join('\n')).toMatch(/HTTP server closed after \d+ ms \(drained\)/);
  });

  it('a request that never finishes is cut after the grace period, and shutdown still completes', async () => {
    const port = Number(new URL(t.url).port);
    const lines: string[] = [];
    const exited = new Promise<number>((resolve) => {
      uninstall = installGracefulShutdown(t.app, { graceMs: 500, log: (line) => lines.push(line), signals: ['SIGUSR2'], exit: resolve });
    });
    const stalled = slowRequest(port, await t.token('ADMIN'), `{ jobs(first: 1) { totalCount } }`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    process.emit('SIGUSR2', 'SIGUSR2');
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(await stalled.response).toBe('');
    expect(t.dataSource.isInitialized).toBe(false);
    expect(lines.join('\n')).toMatch(/still running after 500 ms/);
  });
});
