import { resetConfig } from '../../src/lib/server/config';
import { createMailer, resetMailer } from '../../src/lib/server/mail/mailer';
import { ready } from './helpers';
import { startSmtp } from './smtp';

/**
 * A real SMTP server on loopback, the configuration pointing alert mail at it, and the store
 * ready: what every test of the rule job and its emails starts from.
 */
export async function startRuleTestbed() {
	const smtp = await startSmtp();
	Object.assign(process.env, { SMTP_URL: smtp.url, MAIL_FROM: 'Trailscope <alerts@trailscope.test>', ALERT_RECIPIENTS: 'oncall@example.com', APP_URL: 'https://trailscope.example.com', RULES_SETTLE_SECONDS: '60' });
	resetConfig();
	resetMailer();
	await ready();
	return {
		smtp,
		mailer: () => createMailer({ smtpUrl: smtp.url, from: 'alerts@trailscope.test', outboxDir: '/nonexistent' }),
		/** Emails about one tenant (an alert names it; a summary says "in <tenant>"). */
		mailsOf: (tenant: string) => smtp.received.filter((m) => m.mail.text?.includes(`Tenant: ${tenant}`) || m.mail.subject?.includes(` in ${tenant}`))
	};
}
