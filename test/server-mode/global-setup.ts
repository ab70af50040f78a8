import type { TestProject } from 'vitest/node';
import { startTestServer } from './start';

declare module 'vitest' {
	export interface ProvidedContext {
		clickhouseUrl: string;
	}
}

/** One ClickHouse test server for the whole server-mode run; each test file works in its own database. */
export default async function setup(project: TestProject) {
	const server = await startTestServer();
	project.provide('clickhouseUrl', server.url);
	return () => server.stop();
}
