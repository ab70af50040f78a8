import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface Received {
	envelopeTo: string[];
	mail: ParsedMail;
}

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts, parsed. */
export async function startSmtp(opts: { failFirst?: number } = {}) {
	const received: Received[] = [];
	let failuresLeft = opts.failFirst ?? 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', async () => {
				if (failuresLeft > 0) {
					failuresLeft--;
					const err = new Error('Mailbox temporarily unavailable') as Error & { responseCode: number };
					err.responseCode = 451;
					return callback(err);
				}
				const mail = await simpleParser(Buffer.concat(chunks));
				received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), mail });
				callback();
			});
		}
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		received,
		/** Makes the next n deliveries fail with a temporary error. */
		failNext: (n: number) => (failuresLeft = n),
		close: () => new Promise<void>((ok) => server.close(() => ok()))
	};
}
