// Everything that reaches an email's HTML from data goes through escapeHtml: nothing is taken as markup.
import { escapeHtml } from '../../format';

export interface Rendered {
	subject: string;
	text: string;
	html: string;
}


// Long values (emails, addresses, ids) break anywhere rather than widen the card past a phone's screen.
const CELL = 'padding:4px 8px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top;font-size:13px;overflow-wrap:anywhere;word-break:break-word';

/**
 * A table with inline styles (mail clients drop style sheets). keyValue renders rows as
 * label/value pairs; linkColumn names a column whose values are URLs, shown as "Open" links.
 */
export function table(head: string[], rows: string[][], keyValue = false, linkColumn = -1): string {
	const cell = (v: string, i: number) => {
		if (i === linkColumn) return `<td style="${CELL}"><a href="${escapeHtml(v)}" style="color:#1d4ed8">Open</a></td>`;
		const style = keyValue && i === 0 ? `${CELL};color:#6b7280;width:32%` : CELL;
		return `<td style="${style}">${escapeHtml(v)}</td>`;
	};
	const thead = head.length ? `<tr>${head.map((h) => `<th style="${CELL};background:#f3f4f6">${escapeHtml(h)}</th>`).join('')}</tr>` : '';
	const body = rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('');
	return `<table cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%;table-layout:fixed">${thead}${body}</table>`;
}

/**
 * Records as stacked blocks, one under the other: the first field in bold, the others in a line
 * each with their label. Unlike a wide table, it fits a phone's screen at any number of fields.
 */
export function stacked(head: string[], rows: string[][]): string {
	const block = (r: string[]) =>
		`<tr><td style="${CELL};padding:6px 8px"><div style="font-weight:bold">${escapeHtml(r[0] ?? '')}</div>${r
			.slice(1)
			.map((v, i) => (v ? `<div><span style="color:#6b7280">${escapeHtml(head[i + 1] ?? '')}:</span> ${escapeHtml(v)}</div>` : ''))
			.join('')}</td></tr>`;
	return `<table cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%;table-layout:fixed">${rows.map(block).join('')}</table>`;
}

export function layout(title: string, body: string): string {
	// Narrow margins and a viewport: responders read alerts on phones first.
	return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:8px;background:#f8fafc;font-family:Arial,Helvetica,sans-serif;color:#18181b">
<div style="max-width:720px;margin:0 auto;background:#ffffff;border:1px solid #e5e7eb;border-radius:6px;padding:14px;overflow-wrap:anywhere">
<div style="font-weight:bold;color:#0f172a;margin-bottom:16px">Trailscope</div>
${body}
</div></body></html>`;
}
