// `npm run verify`: recomputes seals from the API or from archive files with only the public key (docs/seals.md).
import { runVerifyCommand, USAGE } from '../src/lib/server/seals/verify-command';

try {
	const r = await runVerifyCommand(process.argv.slice(2), process.env);
	for (const line of r.lines) console.log(line);
	process.exit(r.code);
} catch (e) {
	console.error(`verify: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
	process.exit(2);
}
