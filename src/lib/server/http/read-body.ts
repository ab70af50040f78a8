export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export type BodyRead = { ok: true; text: string } | { ok: false; tooLarge: true };

/** Reads a request body up to a limit, stopping as soon as it is passed instead of buffering it all. */
export async function readBodyLimited(body: ReadableStream<Uint8Array> | null, limit = MAX_BODY_BYTES): Promise<BodyRead> {
	if (!body) return { ok: true, text: '' };
	const reader = body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await reader.cancel().catch(() => {});
			return { ok: false, tooLarge: true };
		}
		chunks.push(value);
	}
	return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}
