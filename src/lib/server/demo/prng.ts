/**
 * Seeded randomness for the demo data. Math.random would make every demo database different and
 * every test flaky; mulberry32 is small, fast and good enough for fake audit logs (not for secrets).
 */
export interface Rng {
	/** Uniform in [0, 1). */
	next(): number;
	/** Uniform integer in [min, max], both ends included. */
	int(min: number, max: number): number;
	chance(p: number): boolean;
	pick<T>(items: readonly T[]): T;
	/** Picks from `[weight, item]` pairs; weights need not sum to 1. */
	weighted<T>(items: readonly (readonly [number, T])[]): T;
	hex(length: number): string;
	/** An RFC 4122 version 4 layout UUID built from this stream, so ids repeat with the seed. */
	uuid(): string;
}

const fmix32 = (h: number): number => {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
};

/** Folds numbers into one 32-bit seed, so each day and each incident gets an independent stream. */
export function hashSeed(...parts: number[]): number {
	let h = 0x9e3779b9;
	for (const part of parts) {
		// Split into two words so seeds above 2^32 (or negative) still change the result.
		const n = Math.trunc(part);
		h = fmix32(h ^ Math.imul((n >>> 0) ^ Math.floor(n / 0x100000000), 0xcc9e2d51));
	}
	return h;
}

export function createRng(seed: number): Rng {
	let state = seed >>> 0;
	const uint32 = (): number => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return (t ^ (t >>> 14)) >>> 0;
	};
	const next = () => uint32() / 4294967296;
	const hex = (length: number): string => {
		let out = '';
		while (out.length < length) out += uint32().toString(16).padStart(8, '0');
		return out.slice(0, length);
	};
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		chance: (p) => next() < p,
		pick: (items) => items[Math.floor(next() * items.length)],
		weighted: (items) => {
			const total = items.reduce((sum, [w]) => sum + w, 0);
			let roll = next() * total;
			for (const [w, item] of items) {
				roll -= w;
				if (roll < 0) return item;
			}
			return items[items.length - 1][1];
		},
		hex,
		uuid: () => {
			const h = hex(32);
			const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
			return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
		}
	};
}
