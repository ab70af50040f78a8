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

/** The first parameter a schema refused, as a 400 naming it (`limit: Too big ...`, `parameter: "limit"`). */
export function parameterProblem(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): Response {
	const param = String(error.issues[0].path[0] ?? 'query');
	return problem(400, `${param}: ${error.issues[0].message}`, { parameter: param });
}
