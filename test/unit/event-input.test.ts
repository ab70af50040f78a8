import { describe, expect, it } from 'vitest';
import { EventInputSchema } from '../../src/lib/schemas/event-input';

const problems = (v: unknown) => EventInputSchema.safeParse(v).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('EventInputSchema', () => {
	it('names each missing required field as required', () => {
		expect(problems({})).toEqual(['occurred_at: is required', 'action: is required']);
	});
	it('says what a wrongly typed field should be', () => {
		expect(problems({ occurred_at: 'yesterday', action: 5 })).toEqual([
			'occurred_at: must be an ISO 8601 time with a zone, or epoch milliseconds',
			'action: must be a string'
		]);
	});
	it('accepts epoch milliseconds and ISO times with a zone', () => {
		expect(problems({ occurred_at: 1764547200000, action: 'login' })).toEqual([]);
		expect(problems({ occurred_at: '2026-12-01T10:00:00+01:00', action: 'login' })).toEqual([]);
	});
});
