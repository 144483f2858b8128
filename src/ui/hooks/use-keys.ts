// useInput, active only where raw mode works (stdin a TTY: `isRawModeSupported` is undefined on a pipe, so
// compare with true) and only while its part of the screen is on top.
import { type Key, useInput, useStdin } from 'ink';

export function useKeys(handler: (input: string, key: Key) => void, active = true): void {
  const { isRawModeSupported } = useStdin();
  useInput(handler, { isActive: isRawModeSupported === true && active });
}
