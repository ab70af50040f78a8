import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface TestServer {
	url: string;
	stop(): Promise<void>;
}

const SCRIPT = fileURLToPath(new URL('./clickhouse-http.ts', import.meta.url));

/** Starts the ClickHouse HTTP test server in its own process, on its own data directory. */
export async function startTestServer(): Promise<TestServer> {
	const dir = mkdtempSync(join(tmpdir(), 'trailscope-chserver-'));
	const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', SCRIPT, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
	const port = await new Promise<number>((resolve, reject) => {
		let out = '';
		child.stdout!.on('data', (c: Buffer) => {
			out += c.toString();
			const m = /listening (\d+)/.exec(out);
			if (m) resolve(Number(m[1]));
		});
		child.once('exit', (code) => reject(new Error(`the ClickHouse test server exited with ${code} before it listened`)));
	});
	return {
		url: `http://127.0.0.1:${port}`,
		stop: async () => {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await exited;
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
