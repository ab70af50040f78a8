// Line breaks of every kind (CR, LF, NEL, the Unicode line and paragraph separators, vertical tab,
// form feed) and the other control characters, tab aside.
const BREAKS_AND_CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]+/g;

/**
 * One line of a plain-text mail part. Values from events (an actor, a target, a reason) may hold
 * line breaks; written as they are, they would add lines of the sender's choosing to the email
 * ("Open the alert: https://evil.example"). Each becomes a space, so a value stays on its line.
 */
export const textLine = (s: string) => s.replace(BREAKS_AND_CONTROLS, ' ');

/** Lines of a plain-text part, each kept to one line, joined. */
export const textLines = (lines: readonly string[]) => lines.map(textLine).join('\n');
