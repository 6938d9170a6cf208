/**
 * Called every few milliseconds of a long computation (a training, an evaluation): the worker
 * thread's chance to wait while the editor works (node/threads/editor-activity.ts). Core code
 * only calls it; what it does is the caller's.
 */
export type Checkpoint = () => void;

export const NO_CHECKPOINT: Checkpoint = () => {};

/** Checkpoints inside a loop: every this many items (a power of two, tested with a mask). */
export const CHECK_EVERY = 256;
