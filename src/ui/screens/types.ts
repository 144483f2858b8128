import type { Dispatch } from 'react';
import type { AppAction, AppState } from '../state/app.ts';

/** What every screen gets from the app: the state, a way to change it, its box, and whether it takes keys. */
export interface ScreenProps {
  readonly state: AppState;
  readonly dispatch: Dispatch<AppAction>;
  readonly width: number;
  readonly height: number;
  /** nothing covers the screen: it takes keys */
  readonly active: boolean;
}
