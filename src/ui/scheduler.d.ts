// React's scheduler (the one Ink's reconciler runs on, a dependency at the version react-reconciler asks for): only
// what key-stream.ts uses. The package ships no types.
declare module 'scheduler' {
  export const unstable_IdlePriority: number;
  export function unstable_scheduleCallback(priority: number, callback: () => void): unknown;
}
