import { CONTACT_FIELDS, PLANS, REPORTS, contact, exportSize, randomContact, reportPeriod } from './catalogue';
import type { Json, Work } from './event';
import type { Rng } from './prng';

/** What an everyday action needs to decide its content. */
export interface WorkCtx {
	rng: Rng;
	/** When the action happens (UTC ms), for content that depends on the date. */
	t: number;
}
export type Builder = (c: WorkCtx) => Work;

const phone = (rng: Rng) => `+33 6 ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}`;

export const contactViewed: Builder = ({ rng }) => ({ action: 'CONTACT_VIEWED', category: 'data_access', target: randomContact(rng) });

export const contactCreated: Builder = ({ rng }) => {
	const target = randomContact(rng);
	return {
		action: 'CONTACT_CREATED',
		category: 'data_change',
		target,
		changes: { after: { name: target.name, plan: 'Free', phone: phone(rng) } },
		details: { source: rng.pick(['Manual entry', 'Web form', 'Manual import']) }
	};
};

// Upgrades outnumber downgrades, as in the seeds' "plan=Free -> plan=Premium" example.
const planChange = (rng: Rng): [string, string] => {
	const from = rng.int(0, PLANS.length - 2);
	return rng.chance(0.8) ? [PLANS[from], PLANS[rng.int(from + 1, PLANS.length - 1)]] : [PLANS[from + 1], PLANS[from]];
};

export const contactUpdated: Builder = ({ rng }) => {
	const target = randomContact(rng);
	const before: Json = {};
	const after: Json = {};
	const fields = rng.chance(0.6) ? ['plan'] : rng.chance(0.5) ? ['phone', 'email'] : ['phone'];
	for (const field of fields) {
		if (field === 'plan') [before.plan, after.plan] = planChange(rng);
		if (field === 'phone') [before.phone, after.phone] = [phone(rng), phone(rng)];
		if (field === 'email') {
			const local = (target.name ?? 'contact').toLowerCase().replace(' ', '.');
			[before.email, after.email] = [`${local}@gmail.example`, `${local}@${rng.pick(['acme', 'globex', 'initech'])}.example`];
		}
	}
	return { action: 'CONTACT_UPDATED', category: 'data_change', target, changes: { before, after } };
};

export const contactDeleted: Builder = ({ rng }) => {
	const target = randomContact(rng);
	return {
		action: 'CONTACT_DELETED',
		category: 'data_change',
		target,
		changes: { before: { name: target.name, plan: rng.pick(PLANS) } },
		details: { reason: rng.pick(['GDPR deletion request', 'Duplicate contact', 'Test record']), permanent: true }
	};
};

/** A routine export: a few thousand records at most, so the large-export incidents stand out. */
export const dataExported: Builder = ({ rng }) => {
	const records = rng.int(150, 4_800);
	const format = rng.chance(0.8) ? 'csv' : 'json';
	const fields = CONTACT_FIELDS.filter((f) => f === 'name' || f === 'email' || rng.chance(0.6));
	// Bigger exports are sometimes queued and reported before the file exists.
	const pending = records > 3_000 && rng.chance(0.15);
	return {
		action: 'DATA_EXPORTED',
		category: 'data_export',
		outcome: pending ? 'pending' : 'success',
		target: { type: 'export', id: `exp_${rng.hex(8)}`, name: 'Contacts' },
		details: {
			type: 'contacts',
			records,
			format,
			fields: [...fields],
			size: exportSize(records, format),
			reason: rng.pick(['Monthly report', 'Weekly pipeline review', 'Campaign list', 'Churn analysis'])
		}
	};
};

export const reportDownloaded: Builder = ({ rng, t }) => {
	const name = `${rng.pick(REPORTS)} (${reportPeriod(t)})`;
	return {
		action: 'REPORT_DOWNLOADED',
		category: 'data_export',
		target: { type: 'report', id: `rep_${rng.hex(6)}`, name },
		details: { report: name, format: rng.chance(0.7) ? 'pdf' : 'xlsx', size: `${(rng.int(3, 60) / 10).toFixed(1)} MB` }
	};
};

const SLA = [
	{ policy: 'VIP', frt: '5min', rt: '2hours' },
	{ policy: 'Standard', frt: '30min', rt: '8hours' },
	{ policy: 'Enterprise', frt: '15min', rt: '4hours' }
];

export const slaPolicyChanged: Builder = ({ rng }) => {
	const created = rng.chance(0.3);
	const after = rng.pick(SLA);
	const before = { ...after, frt: rng.pick(['10min', '20min', '1hour']), rt: rng.pick(['6hours', '12hours', '1day']) };
	return {
		action: 'SETTINGS_CHANGED',
		category: 'configuration',
		target: { type: 'settings', id: 'sla_policies', name: 'SLA Policies' },
		changes: created ? { after: { ...after } } : { before, after: { ...after } },
		details: { section: 'SLA Policies', action: `${created ? 'Created new' : 'Updated'} policy "${after.policy}"` }
	};
};

/** Support leads reopen the same VIP customers often; a fixed few ids make "entity history" views interesting. */
export const vipContactUpdated: Builder = ({ rng }) => {
	const target = contact(rng.pick([12_345, 12_340, 20_001, 33_777]));
	const [from, to] = planChange(rng);
	return { action: 'CONTACT_UPDATED', category: 'data_change', target, changes: { before: { plan: from }, after: { plan: to } } };
};
