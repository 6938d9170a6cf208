/**
 * A small real workspace for export and import tests: Persian text with an emoji and ZWNJ, an
 * English article, an unreadable file, and label files for three layers written as the app
 * writes them (done status, notes, flags, a suggestion, gold provenance).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { segmentArticle } from '../../../../src-main/core/article';
import { annotationFilePath } from '../../../../src-main/node/annotations/paths';
import type { AnnotationFile } from '../../../../src-main/node/annotations/schema';
import { LayerReader } from '../../../../src-main/node/annotations/store';
import { Workspace } from '../../../../src-main/node/workspace/workspace';
import { DEFAULT_LABELS } from '../../../../src-main/shared/labels';
import { tempDir } from '../temp';

export const FA = 'خبر فوری 😀 از تهران\nوزیر گفت: «آب تهران تا تابستان کافی است.»\nکارشناسان می‌گویند این ادعا درست نیست.\nانتهای پیام\n';
export const EN = '# Harbour wind\n\nGusts reached 90 km/h on Tuesday.\n\nThe port said ferries would run.\n';
export const T1 = '2026-11-20T09:00:00.000Z';
export const T2 = '2026-11-21T09:00:00.000Z';
export const T3 = '2026-11-22T09:00:00.000Z';

export const paragraphsOf = (text: string, format: 'txt' | 'md' = 'txt') => segmentArticle(text, format).paragraphs;

export async function writeLayer(root: string, file: Partial<AnnotationFile> & Pick<AnnotationFile, 'article' | 'annotator' | 'paragraphs'>): Promise<void> {
  const path = annotationFilePath(root, file.annotator, file.article);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify({ version: 1, updated_at: T2, status: 'in_progress', orphans: [], ...file }));
}

/** The fixture workspace; `extraArticles` adds more plain-text articles (for splits). */
export async function fixtureWorkspace(extraArticles = 0): Promise<string> {
  const root = await tempDir('export');
  await mkdir(join(root, 'fa'), { recursive: true });
  await mkdir(join(root, 'en'), { recursive: true });
  await writeFile(join(root, 'fa', 'water 😀.txt'), FA);
  await writeFile(join(root, 'en', 'harbour.md'), EN);
  await writeFile(join(root, 'broken.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x13, 0, 0xff, 0]));
  for (let i = 0; i < extraArticles; i++) {
    await writeFile(join(root, `more-${i}.txt`), `Article ${i} headline\nBody ${i}.\n`);
    const [head] = paragraphsOf(`Article ${i} headline\nBody ${i}.\n`);
    await writeLayer(root, { article: `more-${i}.txt`, annotator: 'sara', paragraphs: { [head!.id]: { index: 0, labels: ['claim'], updated_at: T1 } } });
  }
  const fa = paragraphsOf(FA);
  const en = paragraphsOf(EN, 'md');
  await writeLayer(root, {
    article: 'fa/water 😀.txt', annotator: 'sara', status: 'done', done_at: T3, updated_at: T3,
    paragraphs: {
      [fa[1]!.id]: { index: 1, labels: ['quote', 'claim'], updated_at: T1, note: 'نام وزیر؟', flagged: true },
      [fa[3]!.id]: { index: 3, labels: ['boilerplate'], updated_at: T2, via: 'suggestion', suggested_by: { boilerplate: 'rules' } },
    },
  });
  await writeLayer(root, {
    article: 'fa/water 😀.txt', annotator: 'omid',
    paragraphs: { [fa[1]!.id]: { index: 1, labels: ['quote'], updated_at: T2 }, [fa[2]!.id]: { index: 2, labels: [], updated_at: T2 } },
  });
  await writeLayer(root, {
    article: 'fa/water 😀.txt', annotator: 'gold',
    paragraphs: { [fa[1]!.id]: { index: 1, labels: ['quote', 'claim'], updated_at: T3, reviewer: 'mina', took: 'annotator:sara' } },
  });
  await writeLayer(root, { article: 'en/harbour.md', annotator: 'omid', paragraphs: { [en[1]!.id]: { index: 1, labels: ['claim'], updated_at: T1 } } });
  return root;
}

export async function exportEnv(root: string) {
  const warnings: string[] = [];
  const workspace = await Workspace.open(root);
  const reader = new LayerReader(workspace.root, (r) => warnings.push(`${r.file}: ${r.problem}`));
  return { env: { workspace, reader, labels: DEFAULT_LABELS.map((l) => ({ ...l })), version: 'test' }, warnings };
}

const SCHEMAS = join(import.meta.dirname, '../../../../resources/schema');

/** Validators for the shipped JSON Schemas, with date-time checked as ISO 8601 UTC. */
export async function schemaValidators() {
  const { readFile } = await import('node:fs/promises');
  const load = async (name: string) => JSON.parse(await readFile(join(SCHEMAS, name), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
  ajv.addSchema(await load('export-record.schema.json'));
  return {
    record: ajv.compile(await load('export-record.schema.json').then((s) => ({ $ref: s.$id }))),
    document: ajv.compile(await load('export-document.schema.json')),
    csvRow: ajv.compile(await load('export-csv.schema.json')),
  };
}

/** A strict RFC 4180 reader for the tests: rows of fields; a line break outside quotes must be CRLF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break outside quotes at ${i}`);
    else field += c;
  }
  if (field || row.length) throw new Error('last row does not end with CRLF');
  return rows;
}
