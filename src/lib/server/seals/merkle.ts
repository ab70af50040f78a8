import { createHash, hash } from 'node:crypto';

/**
 * A Merkle tree as RFC 6962 (Certificate Transparency) defines it: leaf = SHA-256(0x00 || data),
 * node = SHA-256(0x01 || left || right), the empty tree SHA-256(""). Building it level by level
 * and carrying an odd last node up unchanged gives the same root as the RFC's recursive split,
 * and unlike Bitcoin's duplication no two lists of leaves share a root.
 */

const NODE = Buffer.from([1]);

/** One event's leaf: its id (16 bytes) and content hash (bytes of the hex), so neither can move. */
export function leafHash(id: string, contentHash: string): Buffer {
	// One buffer and the one-shot hash: verification computes a leaf for every event it reads.
	const b = Buffer.allocUnsafe(17 + contentHash.length / 2);
	b[0] = 0;
	b.write(id.replace(/-/g, ''), 1, 'hex');
	b.write(contentHash, 17, 'hex');
	return hash('sha256', b, 'buffer') as unknown as Buffer;
}

const node = (l: Buffer, r: Buffer) => createHash('sha256').update(NODE).update(l).update(r).digest();

/** The root over leaves in order, as 64 hex. */
export function merkleRoot(leaves: readonly Buffer[]): string {
	return packedRoot(Buffer.concat(leaves), leaves.length);
}

/**
 * The root over `count` leaves packed 32 bytes each, as 64 hex. One scratch buffer and the
 * one-shot hash per node: a month verified from the store builds ten million of them.
 */
export function packedRoot(packed: Buffer, count: number): string {
	if (count === 0) return createHash('sha256').digest('hex');
	const scratch = Buffer.allocUnsafe(65);
	scratch[0] = 1;
	let level = packed;
	let n = count;
	while (n > 1) {
		const up = Buffer.allocUnsafe(32 * Math.ceil(n / 2));
		let j = 0;
		for (let i = 0; i + 1 < n; i += 2, j++) {
			level.copy(scratch, 1, 32 * i, 32 * i + 64);
			(hash('sha256', scratch, 'buffer') as unknown as Buffer).copy(up, 32 * j);
		}
		if (n % 2 === 1) level.copy(up, 32 * j, 32 * (n - 1), 32 * n);
		level = up;
		n = Math.ceil(n / 2);
	}
	return level.toString('hex', 0, 32);
}

export interface ProofStep {
	/** Where the sibling sits: hash it on the left or on the right of the running value. */
	side: 'left' | 'right';
	hash: string;
}

/** The siblings from leaf `index` up to the root (levels where it is carried up add none). */
export function merkleProof(leaves: readonly Buffer[], index: number): ProofStep[] {
	const path: ProofStep[] = [];
	let level = leaves;
	let i = index;
	while (level.length > 1) {
		const sibling = i % 2 === 0 ? i + 1 : i - 1;
		if (sibling < level.length) path.push({ side: i % 2 === 0 ? 'right' : 'left', hash: level[sibling].toString('hex') });
		const up: Buffer[] = [];
		for (let j = 0; j + 1 < level.length; j += 2) up.push(node(level[j], level[j + 1]));
		if (level.length % 2 === 1) up.push(level[level.length - 1]);
		level = up;
		i = Math.floor(i / 2);
	}
	return path;
}

/** The root a leaf and its path lead to. */
export function rootFromProof(leaf: Buffer, path: readonly ProofStep[]): string {
	let h = leaf;
	for (const s of path) h = s.side === 'left' ? node(Buffer.from(s.hash, 'hex'), h) : node(h, Buffer.from(s.hash, 'hex'));
	return h.toString('hex');
}
