/** How long to wait before trying again: doubling from `firstMs` after each failure, at most `maxMs`. */
export interface RetryPolicy {
	firstMs: number;
	maxMs: number;
}

export const RETRY_POLICIES = {
	/** An alert email: 1, 2, 4 ... minutes after each failure, at most an hour; a message is never given up. */
	alertMail: { firstMs: 60_000, maxMs: 3_600_000 },
	/** A scheduled monthly report: 15 min, 30 min, 1 h ... at most 6 h apart. */
	monthlyReport: { firstMs: 15 * 60_000, maxMs: 6 * 3_600_000 }
} as const satisfies Record<string, RetryPolicy>;

/** The wait before the next try, `attempts` tries having failed. */
export const retryDelayMs = (policy: RetryPolicy, attempts: number) => Math.min(policy.firstMs * 2 ** Math.max(0, attempts - 1), policy.maxMs);
