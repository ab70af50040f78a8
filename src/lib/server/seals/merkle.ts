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
	if (leaves.length === 0) return createHash('sha256').digest('hex');
	let level = leaves;
	while (level.length > 1) {
		const up: Buffer[] = [];
		for (let i = 0; i + 1 < level.length; i += 2) up.push(node(level[i], level[i + 1]));
		if (level.length % 2 === 1) up.push(level[level.length - 1]);
		level = up;
	}
	return level[0].toString('hex');
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
