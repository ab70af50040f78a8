import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RunningServer {
	pid: number;
	base: string;
	proc: ChildProcess;
	logPath: string;
	stop(): Promise<void>;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const port = (s.address() as { port: number }).port;
			s.close(() => resolve(port));
		});
	});
}

const tail = (path: string) => {
	try {
		return readFileSync(path, 'utf8').split('\n').slice(-20).join('\n');
	} catch {
		return '';
	}
};

/** Starts the built app (in `appDir`) on a fresh data directory and waits until /healthz answers 200. */
export async function startServer(opts: { appDir: string; dataDir: string; key: string; logPath: string; admin?: { email: string; password: string } }): Promise<RunningServer> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const log = createWriteStream(opts.logPath);
	const proc = spawn(process.execPath, ['build/index.js'], {
		cwd: opts.appDir,
		env: {
			...process.env,
			DATA_DIR: opts.dataDir,
			SEED_DEMO: 'false',
			INGEST_API_KEY: opts.key,
			PORT: String(port),
			HOST: '127.0.0.1',
			BODY_SIZE_LIMIT: 'Infinity',
			// The sign-in form is checked against the app's origin (scripts/start.js sets it the same way).
			ORIGIN: base,
			...(opts.admin ? { ADMIN_EMAIL: opts.admin.email, ADMIN_PASSWORD: opts.admin.password } : {})
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	proc.stdout?.pipe(log);
	proc.stderr?.pipe(log);
	let exited: number | null | undefined;
	const done = new Promise<void>((resolve) =>
		proc.once('exit', (code) => {
			exited = code;
			resolve();
		})
	);
	const stop = async () => {
		if (exited === undefined) {
			proc.kill('SIGTERM');
			const killed = await Promise.race([done.then(() => true), sleep(30_000).then(() => false)]);
			if (!killed) proc.kill('SIGKILL');
			await done;
		}
		log.end();
	};
	const deadline = Date.now() + 180_000;
	while (Date.now() < deadline) {
		if (exited !== undefined) throw new Error(`the server exited with code ${exited} before it was healthy:\n${tail(opts.logPath)}`);
		try {
			const res = await fetch(`${base}/healthz`);
			if (res.status === 200) return { pid: proc.pid!, base, proc, logPath: opts.logPath, stop };
		} catch {
			// not listening yet
		}
		await sleep(250);
	}
	await stop();
	throw new Error(`the server was not healthy within 180 s:\n${tail(opts.logPath)}`);
}

function readRssBytes(pid: number): number {
	try {
		const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) * 1024 : 0;
	} catch {
		return 0;
	}
}

/** CPU seconds the process has used, all threads (utime + stime, at the usual 100 ticks/s). */
export function cpuSeconds(pid: number): number {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return 0;
	}
}

/** Samples a process's resident memory, keeping the peak of each named phase. */
export class RssSampler {
	readonly peaks: Record<string, number> = {};
	last = 0;
	private phase = 'start';
	private timer: NodeJS.Timeout;
	constructor(private readonly pid: number, everyMs = 200) {
		this.timer = setInterval(() => this.sample(), everyMs);
		this.timer.unref();
	}
	sample() {
		this.last = readRssBytes(this.pid);
		this.peaks[this.phase] = Math.max(this.peaks[this.phase] ?? 0, this.last);
	}
	enter(phase: string) {
		this.sample();
		this.phase = phase;
	}
	get peak() {
		return Math.max(0, ...Object.values(this.peaks));
	}
	stop() {
		this.sample();
		clearInterval(this.timer);
	}
}

/**
 * Waits until the process has been nearly idle (background merges done) for a few seconds;
 * returns how long that took. Queries measured during a merge storm would say little.
 */
export async function waitForQuiet(pid: number, maxMs = 300_000, windowMs = 3000, maxCores = 0.1): Promise<number> {
	const t0 = Date.now();
	while (Date.now() - t0 < maxMs) {
		const before = cpuSeconds(pid);
		await sleep(windowMs);
		if ((cpuSeconds(pid) - before) / (windowMs / 1000) < maxCores) break;
	}
	return Date.now() - t0;
}
