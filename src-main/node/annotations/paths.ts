/**
 * Where labels live: `<workspace>/.pilcrow/annotations/<annotator>/<article path>.json`.
 * One folder per annotator, so editors sharing the folder through git or a sync tool never
 * write the same file; the article path is mirrored so the tree reads like the workspace.
 *
 * A file name longer than MAX_PLAIN_NAME_BYTES (a long Persian headline: 2 bytes a letter) would
 * make `<name>.json.bak` and the save's temp names longer than the 255 bytes a file name may
 * have, so such an article's label file (and settings file) is `<first bytes of the name>~<16
 * hex of SHA-256 of the whole name>.json` (docs/storage.md, "Long file names"). Readers that
 * list files map such a name back through the file's own `article` field (`articleOfStem`).
 */
import { join, sep } from 'node:path';
import { ANNOTATOR_NAME_PATTERN } from '../../shared/labels';
import { readConfined } from '../storage/confined-fs';
import { fitName } from '../storage/name-length';
import { LAYER_LIMIT } from '../storage/read-limits';

/** Names up to this many UTF-8 bytes keep their own name: every one that could ever be saved. */
export const MAX_PLAIN_NAME_BYTES = 216;
/** How long the short name of a long one is: its start still reads as the article in a file browser. */
const SHORT_NAME_BYTES = 113;
const HASHED_STEM = /~[0-9a-f]{16}$/;

export const PILCROW_DIR = '.pilcrow';

export function annotationsDir(root: string): string {
  return join(root, PILCROW_DIR, 'annotations');
}

export function quarantineDir(root: string): string {
  return join(root, PILCROW_DIR, 'quarantine');
}

/** annotationsDir of the last root asked: join normalises the whole path, 12,000 times a progress call. */
let lastAnnotations: { root: string; dir: string } | null = null;
function annotationsDirOf(root: string): string {
  if (lastAnnotations?.root !== root) lastAnnotations = { root, dir: annotationsDir(root) };
  return lastAnnotations.dir;
}

export function annotationFilePath(root: string, annotator: string, articlePath: string): string {
  if (!ANNOTATOR_NAME_PATTERN.test(annotator)) throw new Error(`invalid annotator name: ${JSON.stringify(annotator)}`);
  const segments = stemSegments(articlePath);
  // The parts are normal already (no empty, `.` or `..` segment, no `/` in a name): on POSIX,
  // joining them by hand gives what join gives, without normalising the whole path again
  // (team progress makes 12,000 of these per call).
  if (sep === '/') return `${annotationsDirOf(root)}/${annotator}/${segments.join('/')}.json`;
  return join(annotationsDir(root), annotator, ...segments) + '.json';
}

/**
 * The article path's segments as stored under `.pilcrow/` (each file there is `<stem>.json`):
 * the folders as they are, the file's name shortened and hashed when it is too long.
 */
export function stemSegments(articlePath: string): string[] {
  const segments = articlePath.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) throw new Error(`invalid article path: ${articlePath}`);
  const name = segments.pop()!;
  return [...segments, storedName(name)];
}

/** The name itself, or `<start>~<16 hex>` (at most SHORT_NAME_BYTES) when it is longer than MAX_PLAIN_NAME_BYTES. */
export function storedName(name: string): string {
  return Buffer.byteLength(name, 'utf8') <= MAX_PLAIN_NAME_BYTES ? name : fitName(name, SHORT_NAME_BYTES);
}

/** Whether a file's stem (relative to the annotator or `articles/` folder) ends in a long name's short hashed one. */
export function isHashedStem(relStem: string): boolean {
  return HASHED_STEM.test(relStem);
}

/**
 * The article a file found under `.pilcrow/` (`<relStem>.json`, relStem relative to the annotator
 * or `articles/` folder) belongs to: relStem itself, or, for a short hashed name, the file's own
 * `article` field when that article's stored name is this one. Null when it cannot be told.
 */
export async function articleOfStem(root: string, file: string, relStem: string): Promise<string | null> {
  if (!isHashedStem(relStem)) return relStem;
  // Label and settings files are teammates' files: read confined, within the label file's limit.
  const article = await readConfined(root, file, LAYER_LIMIT)
    .then((bytes) => (JSON.parse(bytes.toString('utf8')) as { article?: unknown } | null)?.article)
    .catch(() => undefined);
  if (typeof article !== 'string') return null;
  try {
    return stemSegments(article).join('/') === relStem ? article : null;
  } catch {
    return null;
  }
}
