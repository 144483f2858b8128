// A one-line text field (a file name, a seed): typing and pasting insert at the cursor, ←/→ move it, backspace
// deletes before it, ctrl-u clears the line, enter submits. Every key counts however fast keys arrive: the value is
// kept in a ref as well as in state, so keys read together each see the one before (and a chunk of backspaces
// deletes one character each, should a terminal deliver it whole).
import { Text } from 'ink';
import { useRef, useState } from 'react';
import { useKeys } from '../hooks/use-keys.ts';
import { useTheme } from '../theme.ts';

export interface TextFieldProps {
  readonly defaultValue: string;
  readonly onSubmit: (value: string) => void;
  /** the field has the keyboard */
  readonly active?: boolean;
  /** the columns it may take; a longer value shows its end */
  readonly width?: number;
}

interface Field {
  readonly value: string;
  /** in characters (code points) from the start */
  readonly cursor: number;
}

/** A control character (backspace, a line end, ESC …): never part of a name, even pasted. */
const isControl = (c: string) => c.codePointAt(0)! < 0x20 || c === '\u007F';
const isBackspace = (c: string) => c === '\u0008' || c === '\u007F';

/** The field after one key, or null when the key is not the field's (enter, tab, arrows up and down). */
export function editField(f: Field, input: string, key: FieldKey): Field | null {
  const chars = Array.from(f.value);
  if (key.return || key.tab || key.upArrow || key.downArrow || key.escape) return null;
  if (key.leftArrow) return { ...f, cursor: Math.max(0, f.cursor - 1) };
  if (key.rightArrow) return { ...f, cursor: Math.min(chars.length, f.cursor + 1) };
  if (key.ctrl && input === 'u') return { value: chars.slice(f.cursor).join(''), cursor: 0 };
  if (key.ctrl) return null;
  const keys = Array.from(input);
  const deletes = key.backspace || key.delete ? 1 : keys.length && keys.every(isBackspace) ? keys.length : 0;
  if (deletes) {
    const from = Math.max(0, f.cursor - deletes);
    return { value: [...chars.slice(0, from), ...chars.slice(f.cursor)].join(''), cursor: from };
  }
  const text = keys.filter((c) => !isControl(c));
  if (!text.length) return f;
  return {
    value: [...chars.slice(0, f.cursor), ...text, ...chars.slice(f.cursor)].join(''),
    cursor: f.cursor + text.length,
  };
}

/** The parts of Ink's Key the field reads. */
export interface FieldKey {
  readonly return?: boolean;
  readonly tab?: boolean;
  readonly upArrow?: boolean;
  readonly downArrow?: boolean;
  readonly leftArrow?: boolean;
  readonly rightArrow?: boolean;
  readonly escape?: boolean;
  readonly backspace?: boolean;
  readonly delete?: boolean;
  readonly ctrl?: boolean;
}

export function TextField({ defaultValue, onSubmit, active = true, width }: TextFieldProps) {
  const theme = useTheme();
  const initial: Field = { value: defaultValue, cursor: Array.from(defaultValue).length };
  const [field, setField] = useState(initial);
  const current = useRef(initial);
  useKeys((input, key) => {
    if (key.return) return onSubmit(current.current.value);
    const next = editField(current.current, input, key);
    if (next && next !== current.current) {
      current.current = next;
      setField(next);
    }
  }, active);
  const chars = Array.from(field.value);
  const before = chars.slice(0, field.cursor).join('');
  const at = chars[field.cursor] ?? ' ';
  const after = chars.slice(field.cursor + 1).join('');
  // a long value shows its end, where the cursor usually is
  const room = width === undefined ? Number.POSITIVE_INFINITY : Math.max(1, width - 1);
  const shown = Array.from(before);
  const head = shown.length > room ? `…${shown.slice(shown.length - room + 1).join('')}` : before;
  return (
    <Text wrap="truncate-end">
      {head}
      <Text inverse color={active ? theme.accent : undefined}>
        {at}
      </Text>
      {after}
    </Text>
  );
}
