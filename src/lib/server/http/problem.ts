/** The one error shape every API answer uses: `{ error: { status, message, ...details } }`. */
export function problem(status: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify({ error: { status, message, ...extra } }), {
		status,
		headers: { 'content-type': 'application/json', ...headers }
	});
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
