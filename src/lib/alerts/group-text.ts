/** An alert's group in one line, each value as people know it with the id beside where it differs: "actor ann@x.test (u-7) · country VN". */
export const groupText = (group: Record<string, string>, labels: Record<string, string> = {}) =>
	Object.entries(group)
		.map(([k, v]) => (labels[k] && labels[k] !== v ? `${k} ${labels[k]} (${v})` : `${k} ${v}`))
		.join(' · ');
