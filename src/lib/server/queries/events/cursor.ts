/** Keyset position: the (occurred_at, id) of the last event of a page, opaque to callers. */
export interface Cursor {
	at: string;
	id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CH_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/;

export const encodeCursor = (c: Cursor) => Buffer.from(`${c.at}|${c.id}`).toString('base64url');

export function decodeCursor(text: string): Cursor | null {
	const [at, id, ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
	if (rest.length > 0 || !CH_TIME.test(at ?? '') || !UUID.test(id ?? '')) return null;
	return { at, id };
}
