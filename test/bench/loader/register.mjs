// `node --import tsx --import ./register.mjs`: registered after tsx, so these hooks run first.
import { register } from 'node:module';

register('./ts-first.mjs', import.meta.url);
register('./svelte-modules.mjs', import.meta.url);
