import { escapeHtml as e, formatNumber } from '../format';
import { attentionSentences } from './attention';
import { formatTime } from './format';
import { integrityLines } from './integrity';
import type { MonthlyReport } from './model';
import { detailSections, summarySection, type Cell, type Column } from './sections';
import { S } from './styles';

/**
 * The whole monthly report as HTML, in tables with inline styles (mail clients drop <style> blocks
 * and classes). Plain TypeScript, so the page shows it and the email sends it without a Svelte
 * compiler in the scheduler; every value from data goes through escapeHtml.
 */
export interface ReportHtmlOptions {
	/** Makes links absolute in the email; '' on the page. */
	base?: string;
	/** cid: references in the email, data: URLs on the page. */
	images: { volume: string; failures: string };
	attachments?: string[];
}

const attr = (name: string, value: string) => ` ${name}="${e(value)}"`;
const link = (href: string, text: string) => `<a${attr('style', S.link)}${attr('href', href)}>${text}</a>`;

function cellHtml(cell: Cell, column: Column | undefined, base: string): string {
	const style = `${column?.numeric ? S.tdNum : S.td}${column?.nowrap === true ? ';white-space:nowrap' : ''}${cell.color ? `;color:${cell.color}` : ''}`;
	const text = column?.nowrap === 'words' ? cell.text.split(' ').map((w) => `<span style="white-space:nowrap">${e(w)}</span>`).join(' ') : e(cell.text);
	return `<td${attr('style', style)}>${cell.href ? link(base + cell.href, text) : text}</td>`;
}

function tableHtml(t: { columns: Column[]; rows: Cell[][]; empty: string; caption: string; more?: number }, base: string): string {
	if (t.rows.length === 0) return `<p${attr('style', S.empty)}>${e(t.empty)}</p>`;
	const head = t.columns.map((c) => `<th scope="col"${attr('style', c.numeric ? S.thNum : S.th)}>${e(c.label)}</th>`).join('');
	const body = t.rows.map((row) => `<tr>${row.map((cell, j) => cellHtml(cell, t.columns[j], base)).join('')}</tr>`).join('');
	const more = t.more ? `<p${attr('style', S.muted)}>… and ${t.more} more, all of them in the attached CSV.</p>` : '';
	return `<table${attr('style', S.table)}${attr('aria-label', t.caption)}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${more}`;
}

function sectionHtml(s: { id: string; title: string; href: string; note?: string }, inner: string): string {
	const heading = `<table role="presentation"${attr('style', S.table)}><tbody><tr><td><h2${attr('style', S.h2)}>${e(s.title)}</h2></td><td style="text-align:right;white-space:nowrap;font-size:12px">${link(s.href, 'Open in Trailscope')}</td></tr></tbody></table>`;
	const note = s.note ? `<p${attr('style', S.note)}>${e(s.note)}</p>` : '';
	return `<tr><td${attr('style', S.section)}${attr('id', s.id)}>${heading}${note}${inner}</td></tr>`;
}

function headHtml(r: MonthlyReport): string {
	const events = r.summary.find((f) => f.key === 'events')?.value ?? 0;
	const t = (iso: string) => e(formatTime(iso, r.timezone));
	const covers = `Covers ${t(r.from)} to ${t(r.to)} (${e(r.timezone)}), the calendar month in the tenant's time zone: ${formatNumber(events)} events of tenant <strong>${e(r.tenant)}</strong>, all of those stored when the report was made (${t(r.generatedAt)}). Tables show up to ${r.rowLimit} rows; the attached CSV files hold every row.`;
	const preview = r.complete ? '' : `<tr><td style="padding:12px 16px 0"><p${attr('style', S.banner)}>Preview: ${e(r.label)} is not over yet, so these figures cover only part of it.</p></td></tr>`;
	const integrity = integrityLines(r);
	const failed = integrity.failed.length ? `<ul>${integrity.failed.map((f) => `<li${attr('style', S.note)}>${e(f)}</li>`).join('')}</ul>` : '';
	return `<tr><td style="padding:18px 16px 12px;border-bottom:3px solid #0f172a"><p${attr('style', S.muted)}>Trailscope · Monthly compliance report</p><h1${attr('style', S.h1)}>${e(r.label)} · ${e(r.tenant)}</h1><p${attr('style', S.note)}>${covers}</p></td></tr>${preview}<tr><td style="padding:12px 16px 0"${attr('data-integrity', integrity.ok ? 'verified' : 'failed')}><p${attr('style', integrity.ok ? S.note : S.banner)}><strong>${e(integrity.headline)}</strong></p>${failed}</td></tr>`;
}

// The opening of the report: what needs attention, in words, before any table.
const attentionHtml = (r: MonthlyReport) =>
	`<tr><td style="padding:14px 16px 0"><div style="padding:12px 14px;background:#fffbeb;border:1px solid #fcd34d"><h2${attr('style', S.h2)}>What needs attention</h2>${attentionSentences(r).map((s) => `<p style="margin:8px 0 0;font-size:15px;line-height:1.45;color:#1f2937">${e(s)}</p>`).join('')}</div></td></tr>`;

export function reportHtml(r: MonthlyReport, o: ReportHtmlOptions): string {
	const base = o.base ?? '';
	const summary = summarySection(r);
	const img = (src: string, alt: string, style: string) => `<img${attr('style', style)}${attr('src', src)}${attr('alt', alt)} width="648" height="280" />`;
	const charts = img(o.images.volume, `Events per day in ${r.label}`, S.img) + img(o.images.failures, `Failed sign-ins per day in ${r.label}`, `${S.img};margin-top:8px`);
	const sections = detailSections(r).map((s) => sectionHtml({ ...s, href: base + s.href }, tableHtml({ ...s, caption: s.title }, base)));
	const attached = o.attachments?.length ? `<p${attr('style', S.muted)}>Attached: ${e(o.attachments.join(', '))}.</p>` : '';
	const foot = `<tr><td style="padding:18px 16px;border-top:1px solid #e2e8f0">${attached}<p${attr('style', S.muted)}>Times are in ${e(r.timezone)}. The full report, always current, is at ${link(base + r.links.page, e(base + r.links.page))}.</p></td></tr>`;
	return [
		`<table role="presentation"${attr('style', S.wrap)}${attr('data-report', r.month)}><tbody>`,
		headHtml(r),
		attentionHtml(r),
		sectionHtml({ ...summary, href: base + summary.href }, tableHtml({ ...summary, caption: summary.title }, base)),
		sectionHtml({ id: 'charts', title: 'Over the month', href: base + r.links.events }, charts),
		...sections,
		foot,
		'</tbody></table>'
	].join('');
}
