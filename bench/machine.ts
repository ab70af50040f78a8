import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpuSeconds } from './server';

/** Busy CPU seconds of the whole machine (all cores), from /proc/stat at 100 ticks/s. */
function machineBusySeconds(): number {
	const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
	const f = cpu.trim().split(/\s+/).slice(1).map(Number);
	const idle = f[3] + (f[4] ?? 0);
	return (f.reduce((s, x) => s + x, 0) - idle) / 100;
}

/**
 * Measures how much CPU other processes took during a phase: the machine's busy time minus
 * this process's and the given children's. Another test run on a 2-core machine skews everything.
 */
export class ForeignCpu {
	private readonly t0 = performance.now();
	private readonly busy0 = machineBusySeconds();
	private readonly own0: number;
	constructor(private readonly pids: number[]) {
		this.own0 = this.own();
	}
	private own() {
		return cpuSeconds(process.pid) + this.pids.reduce((s, p) => s + cpuSeconds(p), 0);
	}
	/** Average cores used by others since the start; call while the children still run. */
	cores(): number {
		const seconds = (performance.now() - this.t0) / 1000;
		return Math.max(0, (machineBusySeconds() - this.busy0 - (this.own() - this.own0)) / seconds);
	}
}

function hashTree(h: ReturnType<typeof createHash>, dir: string, rel = '') {
	for (const name of readdirSync(join(dir, rel)).sort()) {
		const path = join(rel, name);
		if (statSync(join(dir, path)).isDirectory()) hashTree(h, dir, path);
		else h.update(path).update(readFileSync(join(dir, path)));
	}
}

export interface AppSnapshot {
	dir: string;
	hash: string;
	migrations: string[];
	takenAt: Date;
}

/**
 * Copies the built app, its sources and migrations, so that every phase of a run measures the
 * same version while others keep editing the working tree; node_modules is linked, not copied.
 */
export function snapshotApp(into: string, from = process.cwd()): AppSnapshot {
	for (const part of ['build', 'src', 'clickhouse', 'package.json']) cpSync(resolve(from, part), join(into, part), { recursive: true });
	symlinkSync(resolve(from, 'node_modules'), join(into, 'node_modules'));
	const h = createHash('sha256');
	hashTree(h, join(into, 'src'));
	hashTree(h, join(into, 'clickhouse'));
	const migrations = readdirSync(join(into, 'clickhouse')).filter((f) => /^\d{4}_.*\.sql$/.test(f)).sort();
	return { dir: into, hash: h.digest('hex').slice(0, 12), migrations, takenAt: new Date() };
}
