/** Runs `scripts/server.ts` as a child process (what `npm run server` runs) for crash tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ChildServer {
  proc: ChildProcess;
  port: number;
  url: string;
  output: () => string;
  alive(): boolean;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startChildServer(env: Record<string, string>, nodeArgs: string[] = []): Promise<ChildServer> {
  const proc = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(root, 'scripts/server.ts')], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', QUIET: '1', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  let exited = false;
  const exit = new Promise<number | null>((r) => proc.on('exit', (code, sig) => ((exited = true), r(code ?? (sig ? -1 : null)))));
  const port = await new Promise<number>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const check = () => {
      const m = /TRYGHED_LISTENING (\d+)/.exec(out);
      if (m) {
        clearTimeout(t);
        resolve(Number(m[1]));
      }
    };
    proc.stdout!.on('data', check);
    void exit.then(() => reject(new Error(`server exited:\n${out}`)));
  });
  return {
    proc,
    port,
    url: `ws://127.0.0.1:${port}`,
    output: () => out,
    alive: () => !exited && proc.exitCode === null,
    kill(signal = 'SIGKILL') {
      if (!exited) proc.kill(signal);
      return exit;
    },
  };
}
