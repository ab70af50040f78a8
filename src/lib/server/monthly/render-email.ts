import { escapeHtml, formatNumber } from '../../format';
import { attentionSentences } from '../../monthly/attention';
import { formatTime } from '../../monthly/format';
import { integrityLines } from '../../monthly/integrity';
import type { MonthlyReport } from '../../monthly/model';
import { reportHtml } from '../../monthly/report-html';
import { detailSections, summarySection, type SectionSpec } from '../../monthly/sections';
import { textLines } from '../mail/text';

/** The HTML part: the page's own report HTML, in a document mail clients take. */
export function renderReportHtml(report: MonthlyReport, o: { appUrl: string; images: { volume: string; failures: string }; attachments: string[] }): string {
	const body = reportHtml(report, { images: o.images, base: o.appUrl, attachments: o.attachments });
	const title = escapeHtml(`${report.label} compliance report · ${report.tenant}`);
	return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body style="margin:0;padding:0;background:#f1f5f9">
<table role="presentation" width="100%" style="border-collapse:collapse;background:#f1f5f9"><tbody><tr><td style="padding:12px 4px">${body}</td></tr></tbody></table>
</body></html>`;
}

function sectionText(s: SectionSpec, appUrl: string): string {
	const lines = [`${s.title.toUpperCase()}`, `${appUrl}${s.href}`];
	if (s.note) lines.push(s.note);
	if (s.rows.length === 0) lines.push(s.empty);
	for (const row of s.rows) lines.push(`- ${row.map((c, i) => (i === 0 ? c.text : `${s.columns[i].label}: ${c.text}`)).join(' | ')}`);
	if (s.more > 0) lines.push(`... and ${s.more} more, all of them in the attached CSV.`);
	return textLines(lines);
}

/** The plain-text part: the same sections, one line per row. */
export function renderReportText(report: MonthlyReport, o: { appUrl: string; attachments: string[] }): string {
	const events = report.summary.find((f) => f.key === 'events')?.value ?? 0;
	const head = [
		`Trailscope monthly compliance report: ${report.label}, tenant ${report.tenant}`,
		`Covers ${formatTime(report.from, report.timezone)} to ${formatTime(report.to, report.timezone)} (${report.timezone}): ${formatNumber(events)} events, all of those stored when the report was made (${formatTime(report.generatedAt, report.timezone)}).`,
		report.complete ? '' : `PREVIEW: ${report.label} is not over yet; these figures cover only part of it.`,
		integrityLines(report).headline,
		...integrityLines(report).failed.map((f) => `- ${f}`)
	].filter(Boolean);
	const attention = textLines(['WHAT NEEDS ATTENTION', ...attentionSentences(report)]);
	const summary = summarySection(report);
	const summaryText = textLines(['SUMMARY', ...summary.rows.map((r) => `- ${r[0].text}: ${r[1].text} (${report.previousLabel}: ${r[2].text}, ${r[3].text})`)]);
	const foot = [`Attached: ${o.attachments.join(', ')}.`, `The full report: ${o.appUrl}${report.links.page}`];
	// Every line goes through textLines: a value from an event (an actor, a target) cannot add lines.
	return [textLines(head), attention, summaryText, ...detailSections(report).map((s) => sectionText(s, o.appUrl)), textLines(foot)].join('\n\n') + '\n';
}
