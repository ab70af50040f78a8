/** An alert raised this long after its last event says its events came late (or were imported). */
export const LATE_AFTER_MS = 15 * 60_000;

function ago(ms: number): string {
	const minutes = Math.round(ms / 60_000);
	if (minutes < 120) return `${minutes} minutes`;
	const hours = Math.round(minutes / 60);
	if (hours < 48) return `${hours} hours`;
	return `${Math.round(hours / 24)} days`;
}

/**
 * "Happened 3 days before this alert was raised: its events were delivered late", for an alert
 * about events that happened well before it was raised; null for one raised as they happened.
 */
export function latenessNote(a: { createdAt: Date; lastSeen: Date }): string | null {
	const late = a.createdAt.getTime() - a.lastSeen.getTime();
	return late > LATE_AFTER_MS ? `Happened ${ago(late)} before this alert was raised: its events were delivered late or imported.` : null;
}
