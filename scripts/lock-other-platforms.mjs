// The npm registry reachable here serves only linux-x64 builds of packages that ship native
// binaries, so npm leaves the other platforms' optional packages out of package-lock.json, and
// `npm ci` then refuses the lock as out of sync. This adds those entries back (version, platform,
// optional), so `npm ci` skips them on this platform and installs them on the platform they are for.
// Run after any `npm install` that changes the lock: node scripts/lock-other-platforms.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const OS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'sunos', 'win32', 'aix', 'netbsd'];
const CPU = ['arm64', 'x64', 'arm', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el', 'ppc'];

function platformOf(name) {
	const parts = name.split('/').pop().split('-');
	const os = parts.find((p) => OS.includes(p)) ?? (parts.includes('win32') ? 'win32' : undefined);
	const cpu = parts.find((p) => CPU.includes(p)) ?? (parts.includes('arm') ? 'arm' : undefined);
	const libc = parts.includes('musl') || parts.includes('musleabihf') ? 'musl' : parts.includes('gnu') || parts.includes('gnueabihf') ? 'glibc' : undefined;
	return { os, cpu, libc };
}

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
	for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
		const base = path === '' ? '' : `${path}/`;
		const key = `${base}node_modules/${name}`;
		if (lock.packages[key] || lock.packages[`node_modules/${name}`]) continue;
		const { os, cpu, libc } = platformOf(name);
		if (!os && !cpu) continue;
		lock.packages[`node_modules/${name}`] = {
			version,
			...(entry.dev ? { dev: true } : {}),
			optional: true,
			...(os ? { os: [os] } : {}),
			...(cpu ? { cpu: [cpu] } : {}),
			...(libc ? { libc: [libc] } : {})
		};
		added++;
	}
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, '\t')}\n`);
console.log(`lock-other-platforms: added ${added} optional platform entries`);
