/** Which files are compiled: the renderer's `.svelte.ts` modules. */
export const SVELTE_MODULE: RegExp;
/** A `.svelte.ts` module's source as Node-runnable JavaScript (client runtime). */
export function compileSvelteModule(source: string, filename: string): string;
