/**
 * Headless Chromium for the browser tests: the project's launcher (scripts/lib/chromium.ts, shared
 * with the benchmark), re-exported so the tests keep one import path.
 */
export { CHROMIUM_PATH, launch, offMachine, type Session } from '../../scripts/lib/chromium.ts';
