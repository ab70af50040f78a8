export interface Rendered {
	subject: string;
	text: string;
	html: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Everything that reaches an email's HTML from data goes through this: nothing is taken as markup. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const CELL = 'padding:4px 8px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top;font-size:13px';

/**
 * A table with inline styles (mail clients drop style sheets). keyValue renders rows as
 * label/value pairs; linkColumn names a column whose values are URLs, shown as "Open" links.
 */
export function table(head: string[], rows: string[][], keyValue = false, linkColumn = -1): string {
	const cell = (v: string, i: number) => {
		if (i === linkColumn) return `<td style="${CELL}"><a href="${escapeHtml(v)}" style="color:#1d4ed8">Open</a></td>`;
		const style = keyValue && i === 0 ? `${CELL};color:#6b7280;white-space:nowrap` : CELL;
		return `<td style="${style}">${escapeHtml(v)}</td>`;
	};
	const thead = head.length ? `<tr>${head.map((h) => `<th style="${CELL};background:#f3f4f6">${escapeHtml(h)}</th>`).join('')}</tr>` : '';
	const body = rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('');
	return `<table cellspacing="0" cellpadding="0" style="border-collapse:collapse;width:100%">${thead}${body}</table>`;
}

export function layout(title: string, body: string): string {
	return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:24px;background:#f8fafc;font-family:Arial,Helvetica,sans-serif;color:#18181b">
<div style="max-width:720px;margin:0 auto;background:#ffffff;border:1px solid #e5e7eb;border-radius:6px;padding:24px">
<div style="font-weight:bold;color:#0f172a;margin-bottom:16px">Trailscope</div>
${body}
</div></body></html>`;
}
