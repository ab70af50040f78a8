/**
 * The monthly compliance report as the page and the email render it: plain data, built on the
 * server (src/lib/server/monthly/build-report.ts), shared by browser and server code.
 */
export interface SummaryFigure {
	key: string;
	label: string;
	value: number;
	previous: number;
	/** Where the events behind the figure are, in the dashboard. */
	href: string;
}

export interface FailedLoginIp {
	ip: string;
	failures: number;
	accounts: number;
	/** Up to five of the accounts targeted, most attempts first. */
	accountNames: string[];
	country: string | null;
	firstSeen: string;
	lastSeen: string;
	successAfter: boolean;
	href: string;
}

export interface ExportByUser {
	actor: string;
	exports: number;
	records: number;
	bytes: number;
	href: string;
}

export interface LargestExport {
	occurredAt: string;
	actor: string;
	records: number;
	bytes: number;
	target: string;
	href: string;
}

export interface ChangeRow {
	occurredAt: string;
	actor: string;
	target: string;
	before: string;
	after: string;
	action: string;
	href: string;
	/** A privilege change that hands out admin, owner or full access. */
	elevation?: boolean;
	/** The setting a configuration change touched. */
	setting?: string;
}

export interface OffHoursRow {
	occurredAt: string;
	actor: string;
	action: string;
	ip: string;
	href: string;
}

export interface MassDeletion {
	actor: string;
	start: string;
	end: string;
	deletions: number;
	href: string;
}

export interface AlertSeverity {
	severity: string;
	raised: number;
	previous: number;
	open: number;
}

export interface AlertRule {
	ruleId: string;
	ruleName: string;
	/** The most severe of its alerts. */
	severity: string;
	/** How many of its alerts had each severity, most severe first: a rule's severity can change. */
	severities: { severity: string; count: number }[];
	raised: number;
	open: number;
	acknowledged: number;
	resolved: number;
	/** Mean minutes from raised to acknowledged / resolved, over the alerts that were; null when none were. */
	meanAckMinutes: number | null;
	meanResolveMinutes: number | null;
	href: string;
}

export interface DayCount {
	day: string;
	events: number;
	failedSignIns: number;
}

export interface ReportLinks {
	events: string;
	security: string;
	alerts: string;
	page: string;
}

export interface MonthlyReport {
	tenant: string;
	month: string;
	label: string;
	timezone: string;
	from: string;
	to: string;
	previousLabel: string;
	generatedAt: string;
	/** False while the month is still running: the report is then a preview of a part of it. */
	complete: boolean;
	summary: SummaryFigure[];
	failedLogins: FailedLoginIp[];
	exports: { count: number; records: number; bytes: number; byUser: ExportByUser[]; largest: LargestExport[] };
	/** People who exported far more than their usual (the unusual export rule's settings). */
	unusualExports?: { actor: string; records: number; ratio: number | null }[];
	privilegeChanges: ChangeRow[];
	configurationChanges: ChangeRow[];
	offHours: OffHoursRow[];
	offHoursTotal: number;
	deletions: { count: number; byActor: { actor: string; deletions: number; href: string }[] };
	massDeletions: MassDeletion[];
	/** The mass_deletion rule's settings the mass deletions were found with. */
	massDeletionRule: { deletions: number; window_minutes: number; single_items: number | null };
	alerts: { available: boolean; bySeverity: AlertSeverity[]; byRule: AlertRule[] };
	days: DayCount[];
	links: ReportLinks;
	/** Rows a table shows at most; the CSV attachments hold all of them. */
	rowLimit: number;
	/** Whether every sealed hour of the month verified when the report was made (docs/seals.md). */
	integrity: MonthIntegrity;
}

export interface MonthIntegrity {
	periods: number;
	verified: number;
	/** Not sealed yet (the month is running, or the last hour is within the settle time). */
	open: number;
	failed: { start: string; end: string; problems: string }[];
}
