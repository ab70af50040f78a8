/**
 * Splits SQL text into statements the way ClickHouse's lexer sees it: a `;` ends a statement only
 * outside string literals ('...', with backslash escapes and doubled quotes), quoted identifiers
 * ("..." and `...`) and comments (`-- ...`, `# ...` to the end of the line, and nestable
 * `/* ... *\/`). Comments are dropped; a comment on a line of its own goes with its line, so the
 * statements read as the file without them.
 */

export class StatementSyntaxError extends Error {}

const QUOTES = new Set(["'", '"', '`']);

/** The index just past the quoted run that starts at `start` (a literal or identifier). */
function skipQuoted(sql: string, start: number): number {
	const q = sql[start];
	for (let i = start + 1; i < sql.length; i++) {
		if (sql[i] === '\\') i++;
		else if (sql[i] === q) {
			if (sql[i + 1] === q) i++;
			else return i + 1;
		}
	}
	throw new StatementSyntaxError(`unterminated ${q === "'" ? 'string literal' : 'quoted identifier'} starting at line ${lineOf(sql, start)}`);
}

/** The index just past the block comment (nested ones included) that starts at `start`. */
function skipBlockComment(sql: string, start: number): number {
	let depth = 0;
	for (let i = start; i < sql.length - 1; i++) {
		if (sql[i] === '/' && sql[i + 1] === '*') {
			depth++;
			i++;
		} else if (sql[i] === '*' && sql[i + 1] === '/') {
			depth--;
			i++;
			if (depth === 0) return i + 1;
		}
	}
	throw new StatementSyntaxError(`unterminated comment starting at line ${lineOf(sql, start)}`);
}

const lineOf = (sql: string, at: number) => sql.slice(0, at).split('\n').length;
const startsLineComment = (sql: string, i: number) => (sql[i] === '-' && sql[i + 1] === '-') || sql[i] === '#';

export function splitStatements(sql: string): string[] {
	const statements: string[] = [];
	let current = '';
	let i = 0;
	while (i < sql.length) {
		const c = sql[i];
		if (QUOTES.has(c)) {
			const end = skipQuoted(sql, i);
			current += sql.slice(i, end);
			i = end;
		} else if (startsLineComment(sql, i)) {
			const newline = sql.indexOf('\n', i);
			const end = newline < 0 ? sql.length : newline;
			// A comment alone on its line takes the line with it.
			const lineStart = current.lastIndexOf('\n') + 1;
			if (current.slice(lineStart).trim() === '') {
				current = current.slice(0, lineStart);
				i = newline < 0 ? end : end + 1;
			} else i = end;
		} else if (c === '/' && sql[i + 1] === '*') {
			i = skipBlockComment(sql, i);
			current += ' ';
		} else if (c === ';') {
			statements.push(current);
			current = '';
			i++;
		} else {
			current += c;
			i++;
		}
	}
	statements.push(current);
	return statements.map((s) => s.trim()).filter(Boolean);
}
