import { z } from 'zod';
import { RuleEditSchema } from './rule';

const num = (v: FormDataEntryValue | null) => (v === null || v === '' ? undefined : Number(v));

/** The rule form's fields as a rule edit (numbers and checkboxes come as text). */
export function ruleEditOfForm(f: FormData) {
	return RuleEditSchema.safeParse(
		Object.fromEntries(
			Object.entries({
				windowMinutes: num(f.get('windowMinutes')),
				threshold: num(f.get('threshold')),
				singleThreshold: num(f.get('singleThreshold')),
				severity: f.get('severity') ?? undefined,
				cooldownMinutes: num(f.get('cooldownMinutes')),
				recipients: String(f.get('recipients') ?? '').split(/[\s,]+/).filter(Boolean),
				enabled: f.get('enabled') === 'on'
			}).filter(([, v]) => v !== undefined)
		)
	);
}

export const BacktestFormSchema = z.object({
	days: z.coerce.number({ message: 'must be a number of days' }).int().min(1, 'must be at least 1').max(90, 'must be at most 90'),
	tenant: z.string().trim().min(1, 'choose a tenant').max(128)
});
