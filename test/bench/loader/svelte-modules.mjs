// Load hook: `.svelte.ts` files go through compile-svelte-module.mjs (the renderer's state classes in Node).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compileSvelteModule, SVELTE_MODULE } from './compile-svelte-module.mjs';

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !SVELTE_MODULE.test(new URL(url).pathname)) return nextLoad(url, context);
  const file = fileURLToPath(url);
  return { source: compileSvelteModule(await readFile(file, 'utf8'), file), format: 'module', shortCircuit: true };
}
