// The `totp_qr` image (selfservice/strategy/totp/generator.go KeyToHTMLImage): the key URL as a QR code
// (error correction M, as pquerna/otp asks boombuler/barcode for), scaled to 256×256 and sent as a
// `data:image/png;base64,...` URL. qrcode-generator builds the module matrix; the PNG is written here with
// node:zlib, so nothing is fetched at run time. Unlike boombuler, the code keeps a quiet zone of up to four
// modules inside the 256×256 square: scanners need it, and the image size is unchanged.
import { crc32, deflateSync } from 'node:zlib';
import qrcode from 'qrcode-generator';

export const QR_IMAGE_SIZE = 256;
const QUIET_ZONE_MODULES = 4;

/** Dark modules of a QR code for `text` (row-major), error correction level M. */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  // The encoder reads one byte per UTF-16 unit: hand it the UTF-8 bytes as a binary string.
  qr.addData(Buffer.from(text, 'utf8').toString('latin1'), 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, row) => Array.from({ length: n }, (__, col) => qr.isDark(row, col)));
}

/** A square 1-bit image of the code, each module `factor` pixels, centred (like barcode.Scale). */
export function renderQr(matrix: boolean[][], size = QR_IMAGE_SIZE): boolean[][] {
  const n = matrix.length;
  let quiet = QUIET_ZONE_MODULES;
  while (quiet > 0 && Math.floor(size / (n + 2 * quiet)) < 1) quiet--;
  const factor = Math.floor(size / (n + 2 * quiet));
  if (factor < 1) throw new Error(`a ${n}×${n} QR code does not fit into ${size}×${size} pixels`);
  const offset = Math.floor((size - n * factor) / 2);
  return Array.from({ length: size }, (_, y) =>
    Array.from({ length: size }, (__, x) => {
      const row = Math.floor((y - offset) / factor);
      const col = Math.floor((x - offset) / factor);
      return y >= offset && x >= offset && row < n && col < n && (matrix[row]?.[col] ?? false);
    }),
  );
}

/** PNG bytes of a 1-bit greyscale image (true = black). */
export function encodePng(pixels: boolean[][]): Buffer {
  const height = pixels.length;
  const width = pixels[0]?.length ?? 0;
  const rowBytes = Math.ceil(width / 8);
  const raw = Buffer.alloc((rowBytes + 1) * height);
  pixels.forEach((line, y) => {
    const start = y * (rowBytes + 1);
    raw[start] = 0; // filter type None
    for (let x = 0; x < width; x++) {
      // Greyscale 1-bit: 1 is white, 0 is black.
      if (!line[x]) raw[start + 1 + (x >> 3)] = (raw[start + 1 + (x >> 3)] ?? 0) | (0x80 >> (x & 7));
    }
  });
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // colour type: greyscale
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0, 0);
  return Buffer.concat([length, typeAndData, crc]);
}

/** `data:image/png;base64,...` of a 256×256 QR code for `text`. */
export function qrPngDataUrl(text: string): string {
  return `data:image/png;base64,${encodePng(renderQr(qrMatrix(text))).toString('base64')}`;
}
