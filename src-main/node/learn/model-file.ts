/**
 * The learned model, kept in the app's user data (derived data: the workspace is shared through
 * git and must not carry it), one file per workspace named by a hash of its real path:
 * `<userData>/learned/<hash>.model`. The first line is a JSON header (format, version, feature
 * version, workspace, what it was trained from, each label's calibration and held-out figures,
 * SHA-256 of the rest); the rest is binary: the feature slots used (uint32), their weights per
 * label (float32, interleaved) and each label's intercept (float32), little-endian. Written
 * atomically. A file that is missing, damaged, of another version or of another workspace is
 * never used: the model is trained again; opening a workspace never needs it.
 *
 * Beside it, `<hash>.order.json`: how unsure the model is about each article, for "most
 * uncertain first", written after the model.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FEATURE_VERSION } from '../../core/learn/features';
import type { LabelModel, SkippedLabel } from '../../core/learn/model';
import { replaceableFs, writeAtomic } from '../storage';

export const MODEL_FORMAT = 'pilcrow-learned-model';
/** Bump when the file's layout or what a weight means changes. */
export const MODEL_VERSION = 1;
const ORDER_FORMAT = 'pilcrow-learned-order';

export interface ModelHeader {
  format: string;
  version: number;
  featureVersion: number;
  workspace: string;
  /** Hash of what the model was trained from (fingerprint.ts). */
  fingerprint: string;
  trainedAt: string;
  seed: number;
  examples: number;
  articles: number;
  folds: number;
  labels: LabelModel[];
  skipped: SkippedLabel[];
  features: number;
  sha256: string;
}

export interface StoredModel {
  header: ModelHeader;
  vocabulary: Uint32Array;
  weights: Float32Array;
  bias: Float32Array;
}

export type ModelProblem = 'missing' | 'damaged' | 'other-version' | 'other-workspace';

export function modelPath(userDataDir: string, root: string): string {
  return join(userDataDir, 'learned', `${createHash('sha256').update(root).digest('hex').slice(0, 32)}.model`);
}

export function orderPath(modelFile: string): string {
  return modelFile.replace(/\.model$/, '.order.json');
}

export async function saveModel(file: string, header: Omit<ModelHeader, 'format' | 'version' | 'featureVersion' | 'features' | 'sha256'>, model: Pick<StoredModel, 'vocabulary' | 'weights' | 'bias'>): Promise<number> {
  const body = Buffer.concat([bytesOf(model.vocabulary), bytesOf(model.weights), bytesOf(model.bias)]);
  const full: ModelHeader = { format: MODEL_FORMAT, version: MODEL_VERSION, featureVersion: FEATURE_VERSION, ...header, features: model.vocabulary.length, sha256: createHash('sha256').update(body).digest('hex') };
  const bytes = Buffer.concat([Buffer.from(`${JSON.stringify(full)}\n`, 'utf8'), body]);
  await mkdir(dirname(file), { recursive: true });
  await writeAtomic(replaceableFs, file, bytes);
  return bytes.length;
}

/** Typed arrays are written little-endian; every platform Pilcrow ships on is. */
function bytesOf(array: Uint32Array | Float32Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

export async function loadModel(file: string, root: string): Promise<StoredModel | { problem: ModelProblem }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return { problem: 'missing' };
  }
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) return { problem: 'damaged' };
  let header: ModelHeader;
  try {
    header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as ModelHeader;
  } catch {
    return { problem: 'damaged' };
  }
  if (header.format !== MODEL_FORMAT) return { problem: 'damaged' };
  if (header.version !== MODEL_VERSION || header.featureVersion !== FEATURE_VERSION) return { problem: 'other-version' };
  if (header.workspace !== root) return { problem: 'other-workspace' };
  const body = bytes.subarray(newline + 1);
  if (createHash('sha256').update(body).digest('hex') !== header.sha256) return { problem: 'damaged' };
  const V = header.features;
  const L = Array.isArray(header.labels) ? header.labels.length : -1;
  if (!Number.isInteger(V) || V < 0 || L < 0 || body.length !== 4 * (V + V * L + L)) return { problem: 'damaged' };
  // Copied out so each array is aligned whatever the header's length.
  const copy = new Uint8Array(body);
  return {
    header,
    vocabulary: new Uint32Array(copy.buffer, 0, V),
    weights: new Float32Array(copy.buffer, 4 * V, V * L),
    bias: new Float32Array(copy.buffer, 4 * (V + V * L), L),
  };
}

export interface StoredOrder {
  format: string;
  version: number;
  fingerprint: string;
  /** article path -> uncertainty in [0, 1]; articles with nothing left to decide are left out. */
  uncertainty: Record<string, number>;
}

export async function saveOrder(file: string, fingerprint: string, uncertainty: Record<string, number>): Promise<void> {
  const order: StoredOrder = { format: ORDER_FORMAT, version: MODEL_VERSION, fingerprint, uncertainty };
  await writeAtomic(replaceableFs, file, Buffer.from(JSON.stringify(order), 'utf8'));
}

/** The order for the model with this fingerprint, or null (missing, damaged, or of another model). */
export async function loadOrder(file: string, fingerprint: string): Promise<Record<string, number> | null> {
  try {
    const order = JSON.parse(await readFile(file, 'utf8')) as Partial<StoredOrder>;
    if (order.format !== ORDER_FORMAT || order.version !== MODEL_VERSION || order.fingerprint !== fingerprint) return null;
    const out: Record<string, number> = {};
    for (const [path, value] of Object.entries(order.uncertainty ?? {})) if (typeof value === 'number' && value >= 0 && value <= 1) out[path] = value;
    return out;
  } catch {
    return null;
  }
}
