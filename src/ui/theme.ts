// Colours and glyphs. Colour is restrained — green accepts, red rejects, yellow marks what changed or is
// unconfirmed, cyan is the accent — and off when NO_COLOR is set (Ink's chalk does not check NO_COLOR itself).
import { createContext, useContext } from 'react';

export interface Theme {
  readonly color: boolean;
  readonly accept: string | undefined;
  readonly reject: string | undefined;
  readonly changed: string | undefined;
  readonly accent: string | undefined;
  readonly warn: string | undefined;
}

export const COLOR_THEME: Theme = {
  color: true,
  accept: 'green',
  reject: 'red',
  changed: 'yellow',
  accent: 'cyan',
  warn: 'yellow',
};

export const MONO_THEME: Theme = {
  color: false,
  accept: undefined,
  reject: undefined,
  changed: undefined,
  accent: undefined,
  warn: undefined,
};

/** NO_COLOR (any value, as the rest of peacesim reads it) turns colour off. */
export function themeFromEnv(env: NodeJS.ProcessEnv = process.env): Theme {
  return 'NO_COLOR' in env ? MONO_THEME : COLOR_THEME;
}

export const ThemeContext = createContext<Theme>(COLOR_THEME);

export function useTheme(): Theme {
  return useContext(ThemeContext);
}

export const GLYPH = {
  accept: '✓',
  reject: '✗',
  pointer: '❯',
  changed: '•',
  full: '█',
  empty: '░',
  mark: '┃',
  rule: '─',
  bullet: '•',
  up: '↑',
  down: '↓',
  /** a position applied before its earliest source */
  before: '†',
} as const;
