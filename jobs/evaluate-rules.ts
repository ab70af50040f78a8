import { runRuleJob, summarize } from '../src/lib/server/alerts/rule-job';
import { getMailer } from '../src/lib/server/mail/mailer';
import type { Job } from './job';

/** Evaluates the detection rules every minute and sends alert email (with retries) from the outbox. */
export const evaluateRules: Job = {
	name: 'evaluate-rules',
	schedule: '* * * * *',
	async run(now) {
		return summarize(await runRuleJob(now, getMailer()));
	}
};
