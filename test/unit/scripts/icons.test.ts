/**
 * The committed icons (resources/icons, made by `npm run icons`): the .ico and .icns hold exactly
 * the committed PNG renders, each at the size its entry declares, and the container writers
 * refuse images that do not fit.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES, ICO_SIZES, pngSize, readIcns, readIco, writeIcns, writeIco } from '../../../scripts/icon-containers.mjs';

const ICONS = resolve(import.meta.dirname, '../../../resources/icons');
const png = (size: number) => readFileSync(join(ICONS, 'png', `${size}x${size}.png`));

describe('resources/icons', () => {
  it('has a square PNG render of the mark at every size the installers use', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) expect(pngSize(png(size))).toEqual({ width: size, height: size });
    expect(readFileSync(join(ICONS, 'icon.png')).equals(png(1024))).toBe(true);
  });

  it('icon.ico holds the 16–256 px renders, byte for byte', () => {
    const entries = readIco(readFileSync(join(ICONS, 'icon.ico')));
    expect(entries.map((e) => e.width)).toEqual(ICO_SIZES);
    for (const entry of entries) {
      expect(pngSize(entry.png).width).toBe(entry.width);
      expect(entry.png.equals(png(entry.width))).toBe(true);
    }
  });

  it('icon.icns holds one PNG element per Apple icon type, each the render of its size', () => {
    const elements = readIcns(readFileSync(join(ICONS, 'icon.icns')));
    expect(elements.map((e) => e.type)).toEqual(ICNS_TYPES.map(([type]) => type));
    for (const [type, size] of ICNS_TYPES) expect(elements.find((e) => e.type === type)!.png.equals(png(size))).toBe(true);
  });
});

describe('icon containers', () => {
  it('round-trips through the writers and readers', () => {
    const ico = writeIco([png(16), png(256)]);
    expect(readIco(ico).map((e) => [e.width, e.png.length])).toEqual([
      [16, png(16).length],
      [256, png(256).length],
    ]);
    const icns = writeIcns(png);
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(readIcns(icns)).toHaveLength(ICNS_TYPES.length);
  });

  it('refuses what a container cannot hold', () => {
    expect(() => writeIco([png(512)])).toThrow(/at most 256 px/);
    expect(() => writeIco([Buffer.from('not a png at all, just text')])).toThrow(/not a PNG/);
    expect(() => writeIcns(() => png(16))).toThrow(/icp5 needs a 32 px image, not 16 px/);
    expect(() => readIcns(Buffer.from('icns\0\0\0\x08extra'))).toThrow(/not an ICNS file/);
  });
});
