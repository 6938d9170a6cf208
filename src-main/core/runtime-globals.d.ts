/**
 * Globals every runtime of core/ and shared/ has (Node, Chromium, worker threads) that the ES
 * library types do not describe. Anything else a browser or Node offers is out of reach here,
 * on purpose: core/ and shared/ are typed without the DOM and without Node (their tsconfig.json).
 */
declare function structuredClone<T>(value: T): T;
