export { DurableJsonFile, type DurableJsonFileOptions } from './durable-json-file';
export { CorruptFileError, DurableWriteError, MidMergeError, midMergeProblem, type RecoveryReport } from './errors';
export {
  nodeDurableFs,
  replaceableFs,
  type DurableFs,
  type DurableFileHandle,
  type DurableDirEntry,
} from './durable-fs';
export { checkBytes, checkAndParse, type ReadCheck } from './read-check';
export { cleanStaleTemps, isPidAlive, type CleanStaleTempsOptions } from './stale-temps';
export {
  acquireWriterLock,
  staleWriterLocks,
  writerLockPath,
  type AcquireResult,
  type LockHolder,
  type WriterLock,
} from './writer-lock';
export { writeAtomic } from './atomic-write';
export * from './read-limits';
export { AtomicStream } from './atomic-stream';
export { confinedDurableFs, DEFAULT_READ_LIMIT } from './durable-fs';
export {
  RefusedFileError,
  checkFolder,
  listConfined,
  lstatConfined,
  makeFolders,
  megabytes,
  openConfined,
  readConfined,
  readConfinedFile,
  readPlainFileSync,
  openChosenFile,
  readChosenFile,
  walkConfined,
  type FolderEntry,
  type ReadLimit,
} from './confined-fs';
