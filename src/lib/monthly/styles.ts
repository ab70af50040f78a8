/**
 * Inline styles of the report. The email is this same HTML (report-html.ts), and mail
 * clients drop <style> blocks and classes, so every element carries its style itself.
 */
export const S = {
	// Long addresses and links break anywhere rather than widen the report past a phone's screen.
	wrap: 'width:100%;max-width:680px;margin:0 auto;border-collapse:collapse;overflow-wrap:anywhere;font-family:Arial,Helvetica,sans-serif;color:#0f172a;font-size:14px;line-height:1.45;background:#ffffff',
	h1: 'margin:0;font-size:22px;line-height:1.25;color:#0f172a',
	h2: 'margin:0;font-size:17px;color:#0f172a',
	muted: 'color:#64748b;font-size:12px',
	note: 'margin:6px 0 0;color:#334155;font-size:13px',
	banner: 'padding:10px 12px;background:#fef3c7;color:#78350f;font-size:13px;border:1px solid #fcd34d',
	section: 'padding:18px 16px 4px',
	link: 'color:#1d4ed8;text-decoration:underline;overflow-wrap:anywhere;word-break:break-word',
	table: 'width:100%;border-collapse:collapse;font-size:13px',
	th: 'text-align:left;padding:6px 6px;border-bottom:2px solid #cbd5e1;color:#334155;font-size:12px;font-weight:bold',
	thNum: 'text-align:right;padding:6px 6px;border-bottom:2px solid #cbd5e1;color:#334155;font-size:12px;font-weight:bold',
	td: 'padding:6px 6px;border-bottom:1px solid #e2e8f0;vertical-align:top;word-break:break-word',
	tdNum: 'padding:6px 6px;border-bottom:1px solid #e2e8f0;vertical-align:top;text-align:right;white-space:nowrap',
	empty: 'padding:8px 6px;color:#64748b;font-size:13px;font-style:italic',
	img: 'display:block;width:100%;max-width:648px;height:auto;border:0'
} as const;
