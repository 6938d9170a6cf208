/**
 * `pilcrow resolve WS`: finishes the merge of the files git left with conflict markers where
 * Pilcrow knows how (docs/teams.md): the label schema label by label (core/label-schema.ts,
 * `mergeSchemas`), a label file decision by decision (the newer one of each paragraph wins,
 * core/merge-layers.ts). Other files (an article's settings: one value per field is a person's
 * choice) are named and left as they are. Run only when asked: a read never resolves anything.
 */
import { join } from 'node:path';
import { mergeSchemas } from '../../core/label-schema';
import { mergeLayerInto } from '../../core/merge-layers';
import { conflictSides } from '../../core/merge-conflict-text';
import { PILCROW_DIR } from '../annotations/paths';
import { LayerSerialiser } from '../annotations/layer-format';
import { annotationFileSchema } from '../annotations/schema';
import { checkAndParse, checkBytes, confinedDurableFs, LAYER_LIMIT, readConfined, walkConfined, writeAtomic } from '../storage';
import { parseSchemaFile } from '../workspace-schema/schema-store';

export interface MergeResolution {
  /** Workspace-relative path. */
  path: string;
  resolved: boolean;
  /** What was done, or why it was left. */
  message: string;
}

const encoder = new TextEncoder();

export async function resolveMidMerge(root: string): Promise<MergeResolution[]> {
  const results: MergeResolution[] = [];
  for (const entry of await walkConfined(root, join(root, PILCROW_DIR), (name) => name.startsWith('.')).catch(() => [])) {
    if (entry.kind !== 'file' || !entry.name.endsWith('.json') || entry.path.startsWith('quarantine/')) continue;
    const file = join(root, PILCROW_DIR, ...entry.path.split('/'));
    const path = `${PILCROW_DIR}/${entry.path}`;
    const bytes = await readConfined(root, file, LAYER_LIMIT).catch(() => null);
    const check = bytes && checkBytes(bytes);
    if (!check || check.ok || !check.midMerge) continue;
    const sides = conflictSides(new TextDecoder().decode(bytes));
    const merged = sides && merge(entry.path, sides);
    if (!merged || 'left' in merged) {
      results.push({ path, resolved: false, message: `${path} was left as it is: ${merged?.left ?? 'its conflict markers do not pair up'}; finish it by hand (docs/teams.md, "Finishing a merge")` });
      continue;
    }
    await writeAtomic(confinedDurableFs(root), file, merged.bytes);
    results.push({ path, resolved: true, message: `${path}: ${merged.how}; check it, then git add -- ${path} and git commit` });
  }
  return results;
}

type Merged = { bytes: Uint8Array; how: string } | { left: string };

function merge(inside: string, sides: { ours: string; theirs: string }): Merged {
  const side = <T>(text: string, parse: (v: unknown) => T) => checkAndParse(encoder.encode(text), parse);
  if (inside === 'schema.json') {
    const [ours, theirs] = [side(sides.ours, parseSchemaFile), side(sides.theirs, parseSchemaFile)];
    if (!ours.ok || !theirs.ok) return { left: `a side is not a label schema (${!ours.ok ? ours.problem : !theirs.ok ? theirs.problem : ''})` };
    const { schema, added } = mergeSchemas(ours.value, theirs.value);
    return { bytes: encoder.encode(JSON.stringify(schema, null, 2)), how: `merged label by label: ${schema.labels.map((l) => l.name).join(', ')}${added.length ? ` (from the other side: ${added.join(', ')})` : ''}` };
  }
  if (inside.startsWith('annotations/')) {
    const parse = (v: unknown) => annotationFileSchema.parse(v);
    const [ours, theirs] = [side(sides.ours, parse), side(sides.theirs, parse)];
    if (!ours.ok || !theirs.ok) return { left: `a side is not a label file (${!ours.ok ? ours.problem : !theirs.ok ? theirs.problem : ''})` };
    const { taken, kept } = mergeLayerInto(ours.value, theirs.value);
    return { bytes: new LayerSerialiser().serialise(ours.value), how: `merged decision by decision: ${taken} from the other side, ${kept} where both had one kept the newer` };
  }
  return { left: 'which value of each field to keep is a person’s choice' };
}
