// How deeply a YAML text nests, bounded from above before the yaml library builds its tree. The library's
// composer recurses once per level: a few thousand `[` exhaust the stack, and V8 may then abort the whole process
// (not a catchable error); its tree parser also slows down sharply with depth. The lexer is linear and flat, so
// this scan runs on its tokens: flow collections are counted exactly; block collections are tracked by the column
// where they start (a line indented less than a collection's column closes it). Over-counting is allowed, never
// under-counting: keys of one mapping may count twice, and at most two collections share a column (a mapping and
// the sequence that is its value).
import { CST, Lexer } from 'yaml';

const ZERO_WIDTH = new Set(['doc-mode', 'scalar', 'flow-error-end', 'byte-order-mark']);

/**
 * An upper bound of the nesting depth of `text`, or where it first passes `limit` (an offset into the text, for
 * the message).
 */
export function deeperThan(text: string, limit: number): number | undefined {
  const open: number[] = []; // columns of the open block collections, non-decreasing
  let flow = 0;
  let col = 0;
  let lineStart = true;
  let nodeCol = 0; // where the node now being read started: a key's mapping starts there
  let afterIndicator = false;
  let offset = 0;
  const push = (at: number) => {
    const n = open.length;
    if (n >= 2 && open[n - 1] === at && open[n - 2] === at) return;
    open.push(at);
  };
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    if (type && ZERO_WIDTH.has(type)) continue;
    const start = offset;
    offset += token.length;
    if (type === 'newline') {
      col = 0;
      if (flow === 0) lineStart = true;
      continue;
    }
    if (type === 'doc-start' || type === 'doc-end') {
      open.length = 0;
      flow = 0;
    }
    const layout = type === 'space' || type === 'comment';
    if (!layout && flow === 0) {
      if (lineStart) {
        while (open.length > 0 && open[open.length - 1]! > col) open.pop();
        lineStart = false;
        nodeCol = col;
        afterIndicator = false;
      } else if (afterIndicator) {
        nodeCol = col;
        afterIndicator = false;
      }
      if (type === 'seq-item-ind' || type === 'explicit-key-ind') {
        push(col);
        afterIndicator = true;
      } else if (type === 'map-value-ind') {
        push(nodeCol);
        afterIndicator = true;
      }
    }
    if (type === 'flow-seq-start' || type === 'flow-map-start') flow++;
    else if ((type === 'flow-seq-end' || type === 'flow-map-end') && flow > 0) flow--;
    if (open.length + flow > limit) return start;
    const nl = token.lastIndexOf('\n');
    if (nl < 0) col += token.length;
    else {
      col = token.length - nl - 1;
      // a block scalar's content ends its last line: what follows starts a line
      if (flow === 0 && token.endsWith('\n')) lineStart = true;
    }
  }
  return undefined;
}
