export interface Latency {
	p50: number;
	p95: number;
	runs: number;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function latency(ms: number[]): Latency {
	const sorted = [...ms].sort((a, b) => a - b);
	return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), runs: ms.length };
}

export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');

export function fmtMs(ms: number): string {
	if (!Number.isFinite(ms)) return 'n/a';
	if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
	if (ms >= 100) return `${Math.round(ms)} ms`;
	if (ms >= 10) return `${ms.toFixed(1)} ms`;
	return `${ms.toFixed(2)} ms`;
}

export function fmtRatio(r: number): string {
	if (!Number.isFinite(r)) return 'n/a';
	if (r >= 10) return `${Math.round(r)}×`;
	return r >= 1 ? `${r.toFixed(1)}×` : `${r.toPrecision(2)}×`;
}

export const fmtBytes = (b: number) => (b >= 1024 ** 3 ? `${(b / 1024 ** 3).toFixed(2)} GB` : `${Math.round(b / 1024 ** 2)} MB`);

export const fmtDuration = (ms: number) => {
	const s = Math.round(ms / 1000);
	return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
};

export const mark = (ok: boolean) => (ok ? '✅' : '❌');
