const hex = (n: number, len: number) => n.toString(16).padStart(len, '0');

/** A small seeded PRNG (mulberry32): the benchmark's data must be the same on every run. */
export class Prng {
	private s: number;
	constructor(seed: number) {
		this.s = seed >>> 0;
	}
	/** Uniform in [0, 1). */
	next(): number {
		let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}
	uint32(): number {
		return Math.floor(this.next() * 4294967296) >>> 0;
	}
	int(n: number): number {
		return Math.floor(this.next() * n);
	}
	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}
	/** Skewed towards the first items: index = n * u^power. */
	skewed(n: number, power = 2): number {
		return Math.floor(n * this.next() ** power);
	}
	/** A log-normal integer, for export sizes and the like. */
	logNormal(median: number, sigma: number): number {
		const u = Math.max(this.next(), 1e-12);
		const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
		return Math.max(1, Math.round(median * Math.exp(sigma * z)));
	}
	/** An RFC 9562 version-4 UUID (zod's z.uuid() checks version and variant). */
	uuid(): string {
		const a = this.uint32();
		const b = this.uint32();
		const c = this.uint32();
		const d = this.uint32();
		return `${hex(a, 8)}-${hex(b >>> 16, 4)}-${hex(0x4000 | (b & 0x0fff), 4)}-${hex(0x8000 | ((c >>> 16) & 0x3fff), 4)}-${hex(c & 0xffff, 4)}${hex(d, 8)}`;
	}
}

/** Mixes an integer into a well-spread 32-bit hash, for per-actor traits that must not consume the stream. */
export function hash32(x: number): number {
	let h = Math.imul((x ^ 0x9e3779b9) >>> 0, 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

/** A sampler over weighted choices (binary search on the cumulative weights). */
export function weighted<T>(items: readonly { weight: number; value: T }[]): (r: number) => T {
	const cum: number[] = [];
	let total = 0;
	for (const i of items) cum.push((total += i.weight));
	return (r) => {
		const x = r * total;
		let lo = 0;
		let hi = cum.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (cum[mid] > x) hi = mid;
			else lo = mid + 1;
		}
		return items[lo].value;
	};
}
