/** How many rows a report section lists before "Show all". */
export const TOP_ROWS = 10;

/** A section's first rows, or all of them once the reader asked. */
export const top = <T>(rows: readonly T[], all: boolean | undefined): readonly T[] => (all ? rows : rows.slice(0, TOP_ROWS));
