import { crc32, inflateSync } from 'node:zlib';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { newTotpKey } from './generator';
import { encodePng, qrMatrix, qrPngDataUrl, renderQr } from './qr';

interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  rgba: Uint8ClampedArray;
}

/** A small PNG reader for 1-bit greyscale images: checks the signature and every chunk's CRC. */
function readPng(png: Buffer): DecodedPng {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  const types: string[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    const crc = png.readUInt32BE(offset + 8 + length);
    expect(crc, `CRC of ${type}`).toBe(crc32(png.subarray(offset + 4, offset + 8 + length)) >>> 0);
    types.push(type);
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  expect(types).toEqual(['IHDR', 'IDAT', 'IEND']);
  if (!header) throw new Error('no IHDR');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const raw = inflateSync(Buffer.concat(data));
  const rowBytes = Math.ceil(width / 8);
  expect(raw.length).toBe((rowBytes + 1) * height);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (rowBytes + 1)]).toBe(0);
    for (let x = 0; x < width; x++) {
      const bit = ((raw[y * (rowBytes + 1) + 1 + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1;
      const v = bit ? 255 : 0;
      rgba.set([v, v, v, 255], (y * width + x) * 4);
    }
  }
  return { width, height, bitDepth: header[8] ?? 0, colourType: header[9] ?? 0, rgba };
}

function decodeDataUrl(url: string): DecodedPng {
  expect(url.startsWith('data:image/png;base64,')).toBe(true);
  return readPng(Buffer.from(url.slice('data:image/png;base64,'.length), 'base64'));
}

describe('qrPngDataUrl', () => {
  it.each([
    ['a short key URL', newTotpKey('127.0.0.1', 'ada@example.com').url],
    ['a long account name', newTotpKey('gatehouse.example', `${'a'.repeat(120)}@example.com`).url],
    ['non-ASCII text is encoded as UTF-8', 'otpauth://totp/Jöhn?secret=ABC'],
  ])('case=%s: a 256×256 1-bit PNG that a QR reader decodes to the same text', (_name, text) => {
    const png = decodeDataUrl(qrPngDataUrl(text));
    expect([png.width, png.height, png.bitDepth, png.colourType]).toEqual([256, 256, 1, 0]);
    const found = jsQR(png.rgba, png.width, png.height);
    expect(found?.data).toBe(text);
  });

  it('case=the code keeps a white quiet zone and is centred', () => {
    const matrix = qrMatrix('otpauth://totp/x?secret=ABC');
    const pixels = renderQr(matrix);
    const n = matrix.length;
    const factor = Math.floor(256 / (n + 8));
    const offset = Math.floor((256 - n * factor) / 2);
    expect(offset).toBeGreaterThanOrEqual(4 * factor);
    expect(pixels.slice(0, offset).every((row) => row.every((p) => !p))).toBe(true);
    // The top-left finder pattern starts exactly at the offset.
    expect(pixels[offset]?.[offset]).toBe(true);
    expect(pixels[offset - 1]?.[offset - 1]).toBe(false);
  });

  it('case=odd image widths pack bits into whole bytes per row', () => {
    const png = readPng(
      encodePng([
        [true, false, true, false, true, false, true, false, true],
        [false, false, false, false, false, false, false, false, true],
      ]),
    );
    expect([png.width, png.height]).toEqual([9, 2]);
    const black = (x: number, y: number): boolean => png.rgba[(y * 9 + x) * 4] === 0;
    expect([0, 1, 2, 8].map((x) => black(x, 0))).toEqual([true, false, true, true]);
    expect([0, 8].map((x) => black(x, 1))).toEqual([false, true]);
  });
});
