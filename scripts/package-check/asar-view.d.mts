export interface AsarView {
  asarPath: string;
  files: Map<string, { size: number; unpacked: boolean }>;
  dirs: Set<string>;
  isFile(path: string): boolean;
  isDir(path: string): boolean;
  read(path: string): Buffer;
  bytes: { packed: number; unpacked: number };
}
export function openAsar(asarPath: string): AsarView;
