import { hashId } from '../../core/hash';

/** An article's id is opaque to the renderer: a hash of its workspace-relative path. */
export function articleIdFor(relPath: string): string {
  return `a${hashId(relPath.normalize('NFC'))}`;
}
