import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface SealKey {
	privateKey: KeyObject;
	publicKey: KeyObject;
	/** SPKI PEM: what an auditor is given. */
	publicPem: string;
	keyId: string;
}

/** A short name for a public key: the first 16 hex of the SHA-256 of its SPKI DER. */
export const keyIdOf = (publicKey: KeyObject) => createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);

export function publicKeyFromPem(pem: string): { publicKey: KeyObject; keyId: string } {
	const publicKey = createPublicKey(pem);
	if (publicKey.asymmetricKeyType !== 'ed25519') throw new Error('the seal public key must be an Ed25519 key');
	return { publicKey, keyId: keyIdOf(publicKey) };
}

const cache = new Map<string, SealKey>();

/**
 * The Ed25519 key seals are signed with, from a PKCS#8 PEM file; generated there (readable by
 * the owner only) on first start. Losing it does not break old seals, which keep verifying
 * against the old public key; keep a copy of that public key with the auditors.
 */
export function loadSealKey(file: string): SealKey {
	const known = cache.get(file);
	if (known) return known;
	if (!existsSync(file)) {
		mkdirSync(dirname(file), { recursive: true });
		const { privateKey } = generateKeyPairSync('ed25519');
		// 'wx': two processes starting at once must not each write a key and sign with different ones.
		try {
			writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
		}
	}
	const privateKey = createPrivateKey(readFileSync(file));
	if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`${file}: the seal key must be an Ed25519 private key (PKCS#8 PEM)`);
	const publicKey = createPublicKey(privateKey);
	const key = { privateKey, publicKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId: keyIdOf(publicKey) };
	cache.set(file, key);
	return key;
}
