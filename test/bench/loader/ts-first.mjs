// Resolve hook: an extensionless relative import names `<path>.ts` when that file exists, before
// a folder of the same name. That is how TypeScript's "bundler" resolution, Vite and Playwright
// read `./handlers` next to a `handlers/` folder; tsx alone tries the folder and fails.
import { existsSync } from 'node:fs';

const HAS_EXTENSION = /\.(?:[cm]?[jt]sx?|json|svelte)$/;

export async function resolve(specifier, context, nextResolve) {
  if (/^\.\.?\//.test(specifier) && !HAS_EXTENSION.test(specifier) && context.parentURL?.startsWith('file:')) {
    const file = new URL(`${specifier}.ts`, context.parentURL);
    if (existsSync(file)) return nextResolve(file.href, context);
  }
  return nextResolve(specifier, context);
}
