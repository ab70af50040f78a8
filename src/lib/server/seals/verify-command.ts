import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { apiSource, getJson, verifyEventOfOutput, type ApiTarget, type Fetch } from './api-source';
import { PUBLIC_KEY_FILE } from './archive-seals';
import { verifyArchive } from './archive-verify';
import { expectedHash } from './canonical';
import { leafHash, rootFromProof, type ProofStep } from './merkle';
import { signatureValid, type Seal } from './seal-record';
import { publicKeyFromPem } from './seal-key';
import type { EventOutput } from '../../schemas/event-output';
import { verifyRange, type RangeReport } from './verify-range';

export const USAGE = `npm run verify -- --url URL --tenant T --from TIME --to TIME [--public-key FILE] [--proof EVENT_ID]...
npm run verify -- --archive DIR [--public-key FILE] [--period-minutes N] [--partial]
  The API key comes from TRAILSCOPE_KEY (read scope). Without --public-key the server's (or the
  archive's) copy is used; an auditor should pass the key they were given. Exit 0: all verified.`;

export interface CommandResult {
	code: number;
	lines: string[];
}

function describe(r: RangeReport, lines: string[]): void {
	const verified = r.periods.filter((p) => p.status === 'verified').length;
	lines.push(`${r.tenant}: ${r.events} event(s), ${verified} period(s) verified, ${r.failed} failed (${r.from} .. ${r.to}, key ${r.key_id})`);
	for (const p of r.periods.filter((x) => x.status === 'failed' || x.status === 'incomplete')) {
		lines.push(`  ${p.status === 'failed' ? 'FAILED' : 'incomplete'} ${p.period_start}: ${p.problems.map((x) => `${x.kind}: ${x.message}${x.ids ? ` [${x.ids.slice(0, 10).join(', ')}${x.ids.length > 10 ? ', ...' : ''}]` : ''}`).join('; ')}`);
	}
}

interface ProofAnswer {
	leaf: string;
	path: ProofStep[];
	seal: Seal;
}

/** Checks one event's proof: its hash recomputed from the event, the path to the seal's root, the seal's signature. */
async function checkProof(t: ApiTarget, id: string, key: ReturnType<typeof publicKeyFromPem>): Promise<string | null> {
	const event = await getJson<EventOutput>(t, `/api/v1/events/${encodeURIComponent(id)}`);
	const proof = await getJson<ProofAnswer>(t, `/api/v1/events/${encodeURIComponent(id)}/proof`);
	const e = verifyEventOfOutput(event);
	const leaf = leafHash(id, expectedHash(e.canonical, e.storedHash));
	if (rootFromProof(leaf, proof.path) !== proof.seal.root) return `proof of ${id}: its path does not lead to seal ${proof.seal.seq}'s root`;
	if (!signatureValid(proof.seal, key.publicKey)) return `proof of ${id}: seal ${proof.seal.seq}'s signature does not verify`;
	return null;
}

/** `npm run verify`: the whole command, with fetch and the environment passed in so tests run it in-process. */
export async function runVerifyCommand(argv: string[], env: Record<string, string | undefined>, fetchImpl?: Fetch): Promise<CommandResult> {
	const { values } = parseArgs({
		args: argv,
		options: {
			url: { type: 'string' }, tenant: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, archive: { type: 'string' },
			'public-key': { type: 'string' }, proof: { type: 'string', multiple: true }, 'period-minutes': { type: 'string' }, partial: { type: 'boolean' }
		}
	});
	const lines: string[] = [];
	const pem = values['public-key'] ? readFileSync(values['public-key'], 'utf8') : undefined;
	if (values.archive) {
		const file = join(values.archive, PUBLIC_KEY_FILE);
		if (!pem && !existsSync(file)) return { code: 2, lines: [`no --public-key and no ${PUBLIC_KEY_FILE} in ${values.archive}`] };
		const key = publicKeyFromPem(pem ?? readFileSync(file, 'utf8'));
		const minutes = values['period-minutes'] ? Number(values['period-minutes']) : undefined;
		const a = await verifyArchive(values.archive, key, minutes && minutes * 60_000, values.partial ?? false);
		for (const r of a.reports) describe(r, lines);
		for (const u of a.unreadable) lines.push(`  FAILED ${u}: not an event (the line was edited)`);
		const failed = a.reports.some((r) => !r.verified) || a.unreadable.length > 0;
		lines.push(failed ? 'archive: verification FAILED' : `archive: verified (${a.reports.length} tenant(s))`);
		return { code: failed ? 1 : 0, lines };
	}
	if (!values.url || !values.tenant || !values.from || !values.to) return { code: 2, lines: [USAGE] };
	if (!env.TRAILSCOPE_KEY) return { code: 2, lines: ['set TRAILSCOPE_KEY to an API key with the read scope'] };
	const t: ApiTarget = { url: values.url, key: env.TRAILSCOPE_KEY, fetch: fetchImpl };
	const served = await getJson<{ public_key: string; key_id: string; period_minutes: number }>(t, '/api/v1/seals/public-key');
	const key = publicKeyFromPem(pem ?? served.public_key);
	if (pem && key.keyId !== served.key_id) lines.push(`note: the server now signs with key ${served.key_id}, not the one given (${key.keyId})`);
	const range = { from: new Date(values.from), to: new Date(values.to) };
	if (Number.isNaN(range.from.getTime()) || Number.isNaN(range.to.getTime())) return { code: 2, lines: ['--from and --to must be ISO times'] };
	const report = await verifyRange(apiSource(t, values.tenant, range), { tenant: values.tenant, ...range, periodMs: served.period_minutes * 60_000, ...key });
	describe(report, lines);
	let failed = !report.verified;
	for (const id of values.proof ?? []) {
		const problem = await checkProof(t, id, key);
		lines.push(problem ? `  FAILED ${problem}` : `  proof of ${id}: verified`);
		failed ||= problem !== null;
	}
	lines.push(failed ? 'verification FAILED' : 'verified');
	return { code: failed ? 1 : 0, lines };
}
