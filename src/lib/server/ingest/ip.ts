import ipaddr from 'ipaddr.js';

export const NO_IP = '::';

const DOTTED = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The IPv6 form ClickHouse stores (IPv4 mapped), or null when the text is no address. */
export function toStoredIp(text: string): string | null {
	// Nearly every address sent is plain dotted IPv4: checked here without the general parser.
	const dotted = DOTTED.exec(text);
	if (dotted) return dotted.slice(1).every((o) => Number(o) <= 255 && (o.length === 1 || o[0] !== '0')) ? `::ffff:${text}` : fallback(text);
	return fallback(text);
}

function fallback(text: string): string | null {
	const t = text.trim().replace(/^\[(.*)\]$/, '$1');
	if (!ipaddr.isValid(t)) return null;
	// ipaddr.js accepts shorthand such as "10.1" or "1"; people never mean those in a log.
	if (!t.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(t)) return null;
	const addr = ipaddr.parse(t);
	return addr.kind() === 'ipv4' ? `::ffff:${addr.toString()}` : (addr as ipaddr.IPv6).toNormalizedString();
}

/** How people write the address: IPv4 without the ::ffff: prefix; '' for no address. */
export function displayIp(stored: string): string {
	if (!stored || stored === NO_IP) return '';
	const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(stored);
	return m ? m[1] : stored;
}

/** The first and last stored address of a CIDR block (or of one address), for a range scan. */
export function cidrRange(text: string): { first: string; last: string } | null {
	const t = text.trim();
	try {
		const [addr, bits] = t.includes('/') ? ipaddr.parseCIDR(t) : [ipaddr.parse(t), t.includes(':') ? 128 : 32];
		if (!t.includes(':') && !ipaddr.IPv4.isValidFourPartDecimal(t.split('/')[0])) return null;
		if (addr.kind() === 'ipv4') {
			const first = ipaddr.IPv4.networkAddressFromCIDR(`${addr.toString()}/${bits}`).toString();
			const last = ipaddr.IPv4.broadcastAddressFromCIDR(`${addr.toString()}/${bits}`).toString();
			return { first: `::ffff:${first}`, last: `::ffff:${last}` };
		}
		const first = ipaddr.IPv6.networkAddressFromCIDR(`${addr.toString()}/${bits}`) as ipaddr.IPv6;
		const last = ipaddr.IPv6.broadcastAddressFromCIDR(`${addr.toString()}/${bits}`) as ipaddr.IPv6;
		return { first: first.toNormalizedString(), last: last.toNormalizedString() };
	} catch {
		return null;
	}
}
