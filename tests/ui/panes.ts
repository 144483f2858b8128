// Reading a rendered screen in tests: the terminal size the narrow tests use, and a frame's lines as words, or one
// pane of a two-pane screen.

export const SMALL = { columns: 80, rows: 24 } as const;
/** Lines as one run of words: what wraps over lines reads whole. */
export const flat = (lines: readonly string[]) => lines.join(' ').replace(/\s+/g, ' ');
/** The left pane of a two-pane screen. */
export const leftPane = (lines: readonly string[]) => lines.map((l) => l.split('│')[0] ?? '');
/** The part of each line right of the first pane border. */
export const rightPane = (lines: readonly string[]) => lines.map((l) => l.split('│')[1] ?? '');
