// Module resolution hook (node:module register): `electron` is the stand-in, everything else
// resolves as Node resolves it, from the extracted package's own node_modules.
const STAND_IN = new URL('./electron-module.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: STAND_IN, shortCircuit: true };
  return next(specifier, context);
}
