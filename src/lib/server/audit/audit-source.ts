/** The `source` of every event Trailscope writes about itself; no API key may send it. */
export const AUDIT_SOURCE = 'trailscope';
