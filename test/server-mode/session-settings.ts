import { z } from 'zod';

const Row = z.object({ name: z.string(), value: z.string() });
const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Settings of one request on a session that outlives it. A server applies a request's URL settings
 * to that request only; the engine session keeps what is SET. So before each request every setting
 * some request changed is put back to its first value, then the request's own are set; only the
 * differences are sent.
 */
export class SessionSettings {
	private readonly initial = new Map<string, string>();
	private readonly current = new Map<string, string>();

	constructor(private readonly run: (sql: string) => Promise<string>) {}

	async apply(wanted: Record<string, string>): Promise<void> {
		const unseen = Object.keys(wanted).filter((k) => !this.initial.has(k));
		const invalid = unseen.find((k) => !NAME.test(k));
		if (invalid) throw new Error(`Code: 115. DB::Exception: Unknown setting '${invalid}'. (UNKNOWN_SETTING)`);
		if (unseen.length > 0) {
			const text = await this.run(`SELECT name, value FROM system.settings WHERE name IN (${unseen.map(quote).join(', ')})`);
			for (const line of text.split('\n').filter(Boolean)) {
				const r = Row.parse(JSON.parse(line));
				this.initial.set(r.name, r.value);
				this.current.set(r.name, r.value);
			}
			const unknown = unseen.find((k) => !this.initial.has(k));
			if (unknown) throw new Error(`Code: 115. DB::Exception: Unknown setting '${unknown}'. (UNKNOWN_SETTING)`);
		}
		const changes: string[] = [];
		for (const [k, first] of this.initial) {
			const value = wanted[k] ?? first;
			if (this.current.get(k) !== value) changes.push(`${k} = ${quote(value)}`);
		}
		if (changes.length === 0) return;
		try {
			await this.run(`SET ${changes.join(', ')}`);
		} catch (e) {
			// Part of the list may have been set: send every setting again next time.
			this.current.clear();
			throw e;
		}
		for (const [k, first] of this.initial) this.current.set(k, wanted[k] ?? first);
	}
}
