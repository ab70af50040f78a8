/** A refusal the caller can act on; routes turn it into an HTTP answer with this status. */
export class DomainError extends Error {
	constructor(
		readonly status: 400 | 403 | 404 | 409 | 422,
		message: string,
		readonly field?: string
	) {
		super(message);
	}
}
