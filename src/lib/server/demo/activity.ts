import { FAILURE_REASONS } from './catalogue';
import { draft, type Draft, type Origin, type Work } from './event';
import { parisAt, weekdayOf } from './paris-time';
import { ipFor, type Person } from './people';
import type { Rng } from './prng';
import { AUTH_ACTIONS, ROLE_APPS, type AppUse } from './roles';

/** A stretch of work in Paris wall-clock minutes; `main` is the normal office day, others are short catch-ups. */
interface Shift {
	from: number;
	to: number;
	main: boolean;
}

const LUNCH_FROM = 12 * 60 + 30;
const LUNCH_TO = 13 * 60 + 30;

function shiftsFor(rng: Rng, weekday: number): Shift[] {
	const shifts: Shift[] = [];
	if (weekday >= 1 && weekday <= 5) {
		// Leave, sickness and training keep a few people offline on any weekday.
		if (rng.chance(0.93)) shifts.push({ from: rng.int(455, 570), to: rng.int(weekday === 5 ? 990 : 1020, 1150), main: true });
		if (rng.chance(0.05)) {
			// An evening catch-up, done before the desk closes at 22:00.
			const from = rng.int(1230, 1290);
			shifts.push({ from, to: Math.min(from + rng.int(20, 80), 1315), main: false });
		}
	} else if (rng.chance(0.06)) {
		const from = rng.int(570, 1080);
		shifts.push({ from, to: from + rng.int(20, 90), main: false });
	}
	return shifts;
}

/** One person's activity on one Paris calendar day, appended to `out`. */
export function simulatePerson(person: Person, day: number, rng: Rng, out: Draft[]): void {
	const weekday = weekdayOf(day);
	const ip = ipFor(person, weekday);
	for (const shift of shiftsFor(rng, weekday)) {
		const apps = ROLE_APPS[person.role];
		for (const use of shift.main ? apps : apps.slice(0, 1)) {
			if (rng.chance(use.chance)) runSession(person, use, day, shift, ip, rng, out);
		}
	}
}

function runSession(person: Person, use: AppUse, day: number, shift: Shift, ip: string, rng: Rng, out: Draft[]): void {
	const auth = AUTH_ACTIONS[use.source];
	const origin: Origin = { source: use.source, actor: person.actor, ip, userAgent: person.userAgent, sessionId: `sess_${rng.hex(20)}` };
	const at = (minutes: number) => parisAt(day, minutes);
	const loginAt = shift.from + rng.next() * 20;

	// Mistyped passwords: one or two failures seconds before the real sign-in, never a pattern.
	if (rng.chance(0.03)) {
		const tries = rng.chance(0.8) ? 1 : 2;
		for (let k = tries; k >= 1; k--) {
			const failed: Work = { action: auth.failed, category: 'authentication', outcome: 'failure', reason: 'Invalid password' };
			out.push(draft(rng, at(loginAt - (k * rng.int(10, 40)) / 60), { ...origin, sessionId: undefined }, failed));
		}
	}
	out.push(draft(rng, at(loginAt), origin, { action: auth.login, category: 'authentication', details: { method: rng.chance(0.7) ? 'password' : 'sso' } }));

	for (let m = loginAt + rng.int(50, 65); m < shift.to; m += rng.int(50, 65)) {
		out.push(draft(rng, at(m), origin, { action: auth.refresh, category: 'authentication' }));
	}

	const hours = (shift.to - loginAt) / 60;
	const count = Math.round(use.perHour * hours * (0.7 + 0.6 * rng.next()));
	for (let i = 0; i < count; i++) {
		const m = loginAt + 0.2 + rng.next() * (shift.to - loginAt - 0.2);
		if (m > LUNCH_FROM && m < LUNCH_TO && rng.chance(0.6)) continue;
		const t = at(m);
		const work = rng.weighted(use.menu)({ rng, t });
		if (!work.outcome && rng.chance(0.008)) {
			work.outcome = 'failure';
			work.reason = rng.pick(FAILURE_REASONS);
		}
		out.push(draft(rng, t, origin, work));
	}

	// Many people just close the tab and let the session expire.
	if (rng.chance(0.8)) out.push(draft(rng, at(shift.to + rng.next() * 3), origin, { action: auth.logout, category: 'authentication' }));
}
