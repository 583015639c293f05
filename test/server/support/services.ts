/**
 * Real Redis and PostgreSQL for the server tests, started by the test itself on a free
 * port of 127.0.0.1 with a temporary data directory. A missing binary is a test failure
 * with the package to install (never a skip): in CI, `.ci/run` installs them
 * (Debian packages `redis-server` and `postgresql`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Service {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function which(name: string, extraDirs: string[] = []): string | null {
  for (const dir of [...extraDirs, ...(process.env.PATH ?? '').split(':')]) {
    const p = join(dir, name);
    if (dir && existsSync(p)) return p;
  }
  return null;
}

function missing(binary: string, pkg: string): never {
  throw new Error(
    `${binary} not found: install the Debian package "${pkg}" (apt-get install -y ${pkg}); ` +
      `.ci/run installs it in CI. This test needs the real server and is not skipped.`,
  );
}

/** Waits until `pattern` appears in the process's output, or fails with that output. */
function ready(proc: ChildProcess, pattern: RegExp, what: string, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    const t = setTimeout(() => reject(new Error(`${what} did not start in time:\n${out}`)), timeoutMs);
    const on = (d: Buffer) => {
      out += d.toString();
      if (pattern.test(out)) {
        clearTimeout(t);
        resolve();
      }
    };
    proc.stdout?.on('data', on);
    proc.stderr?.on('data', on);
    proc.once('exit', (code) => {
      clearTimeout(t);
      reject(new Error(`${what} exited with ${code}:\n${out}`));
    });
  });
}

function stopper(proc: ChildProcess, dir: string, signal: NodeJS.Signals): () => Promise<void> {
  return async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill(signal);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
}

export async function startRedis(): Promise<Service> {
  const bin = which('redis-server') ?? missing('redis-server', 'redis-server');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tryghed-redis-'));
  const proc = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await ready(proc, /Ready to accept connections/, 'redis-server');
  return { url: `redis://127.0.0.1:${port}`, port, stop: stopper(proc, dir, 'SIGTERM') };
}

/** PostgreSQL binaries: Debian's /usr/lib/postgresql/<v>/bin, or on the PATH. */
function pgBin(name: string): string {
  const debian = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').sort().reverse().map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  return which(name, debian) ?? missing(name, 'postgresql');
}

/** PostgreSQL refuses to run as root: run it as the `postgres` user (or nobody) then. */
function pgUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const user of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', user]).toString().trim());
      const gid = Number(execFileSync('id', ['-g', user]).toString().trim());
      return { uid, gid };
    } catch {
      /* try the next */
    }
  }
  throw new Error('running as root and no postgres/nobody user to run PostgreSQL as');
}

export async function startPostgres(): Promise<Service> {
  const initdb = pgBin('initdb');
  const postgres = pgBin('postgres');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tryghed-pg-'));
  const as = pgUser();
  if (as) chownSync(dir, as.uid, as.gid);
  const opts = { stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'], ...(as ?? {}), env: { ...process.env, LC_ALL: 'C' } };
  const init = spawn(initdb, ['-D', join(dir, 'data'), '-U', 'tryghed', '--auth=trust', '--no-sync', '-E', 'UTF8'], opts);
  const code = await new Promise<number | null>((r) => init.on('exit', r));
  if (code !== 0) throw new Error(`initdb failed with ${code}`);
  const proc = spawn(
    postgres,
    ['-D', join(dir, 'data'), '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'full_page_writes=off'],
    opts,
  );
  await ready(proc, /ready to accept connections/, 'postgres');
  return { url: `postgres://tryghed@127.0.0.1:${port}/postgres`, port, stop: stopper(proc, dir, 'SIGINT') };
}
