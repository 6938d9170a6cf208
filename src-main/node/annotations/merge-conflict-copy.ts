/** Merges one of this annotator's conflict copies into the layer, then sets the copy aside. */
import { basename, join } from 'node:path';
import { mergeLayerInto, type MergeOutcome } from '../../core/merge-layers';
import { confinedDurableFs, makeFolders } from '../storage';
import { annotationsDir, quarantineDir } from './paths';
import { annotationFileSchema } from './schema';
import type { AnnotationStore } from './store';
import { readConflictCopy, type ConflictCopy } from './conflict-copies';
import { rejectSuggestions } from './suggestion-rejections';

export async function mergeConflictCopy(store: AnnotationStore, copy: ConflictCopy): Promise<MergeOutcome & { setAsideTo: string }> {
  const raw = await readConflictCopy(store.root, copy).catch((e: Error) => {
    throw new Error(`${copy.file} cannot be read as JSON (${e.message}); it was left where it is.`);
  });
  const parsed = annotationFileSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${copy.file} is not a Pilcrow layer file (${parsed.error.issues[0]?.message ?? 'wrong shape'}); it was left where it is.`);
  let outcome: MergeOutcome = { taken: 0, kept: 0 };
  await store.change(copy.article, (data) => {
    outcome = mergeLayerInto(data, parsed.data);
    // Suggestions turned down on the other copy stay turned down (never a decision, so no conflict).
    const theirs = Object.entries(parsed.data.rejected_suggestions ?? {}).flatMap(([paragraphId, labels]) => Object.entries(labels).map(([label, suggester]) => ({ paragraphId, label, suggester })));
    const ours = data.rejected_suggestions ?? {};
    const missing = theirs.filter((r) => !ours[r.paragraphId]?.[r.label]);
    if (missing.length > 0) rejectSuggestions(data, missing);
  });
  // The copy's bytes are kept, out of the annotations tree, so nothing is lost and it is not offered again.
  const target = join(quarantineDir(store.root), `${new Date().toISOString().replace(/[:.]/g, '-')}_merged_${basename(copy.file)}`);
  await makeFolders(store.root, quarantineDir(store.root));
  await confinedDurableFs(store.root).rename(join(annotationsDir(store.root), ...copy.file.split('/')), target);
  return { ...outcome, setAsideTo: target };
}
