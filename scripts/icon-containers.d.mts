export function pngSize(png: Buffer): { width: number; height: number };
export const ICO_SIZES: number[];
export function writeIco(pngs: Buffer[]): Buffer;
export function readIco(ico: Buffer): { width: number; png: Buffer }[];
export const ICNS_TYPES: [string, number][];
export function writeIcns(pngOfSize: (size: number) => Buffer): Buffer;
export function readIcns(icns: Buffer): { type: string; png: Buffer }[];
