// The version the CLI prints is the engine's (a saved session records the same one).
export { VERSION } from '../engine/version.ts';
