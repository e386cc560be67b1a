import type { ResourceLimits } from 'node:worker_threads';

/**
 * For the threads that recognise text. V8 lets a thread's young generation grow to 16 MB
 * semi-spaces; recognition makes many small objects, most of which live on, so a small
 * one costs no time and keeps ~20–35 MB less resident at 10 MB of text (measured by
 * `npm run bench`, which runs ours both ways). Not for the sidecar thread: the YAML
 * parser's short-lived garbage runs ~20 % slower in a small one.
 */
export const RECOGNITION_THREAD_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 6 };
