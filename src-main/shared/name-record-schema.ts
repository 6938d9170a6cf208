import { z } from 'zod';
import { nameRecord } from './name-record';

/**
 * `z.record(key, value)` that keeps every name: zod's own record drops a `__proto__` key (a label
 * of that name lost its suggestion provenance on every read) and builds an ordinary object.
 * Validates each key and value and returns a record made by `nameRecord`.
 */
export function nameRecordSchema<V extends z.ZodType>(key: z.ZodType<string>, value: V): z.ZodType<Record<string, z.output<V>>> {
  return z.unknown().transform((input, ctx) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      ctx.addIssue({ code: 'custom', message: 'expected an object' });
      return z.NEVER;
    }
    const out = nameRecord<z.output<V>>();
    for (const [name, raw] of Object.entries(input)) {
      const k = key.safeParse(name);
      const v = value.safeParse(raw);
      const problem = !k.success ? `key ${JSON.stringify(name)}: ${k.error.issues[0]?.message ?? 'invalid'}` : !v.success ? (v.error.issues[0]?.message ?? 'invalid') : null;
      if (problem !== null) {
        ctx.addIssue({ code: 'custom', path: [name], message: problem });
        return z.NEVER;
      }
      out[name] = v.data as z.output<V>;
    }
    return out;
  }) as unknown as z.ZodType<Record<string, z.output<V>>>;
}
