// `node --import tsx --import ./register.mjs`: registered after tsx, so this hook runs first.
import { register } from 'node:module';

register('./ts-first.mjs', import.meta.url);
