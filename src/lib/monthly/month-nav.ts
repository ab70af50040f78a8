/** The month `by` months from a `YYYY-MM` (for links; the server checks what it is given). */
export function shiftMonthText(month: string, by: number): string {
	const m = /^(\d{4})-(\d{2})$/.exec(month);
	if (!m) return month;
	const index = Number(m[1]) * 12 + Number(m[2]) - 1 + by;
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
