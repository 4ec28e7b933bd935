// Regenerates resources/passwords/common-passwords.txt, the offline breached-password list the password
// policy consults before (or instead of) the HaveIBeenPwned range API.
//
// Source: the ranked `passwords` dictionary of @zxcvbn-ts/language-common (MIT), which zxcvbn-ts built
// from real leaked-password frequency lists. The file keeps the package's rank order (most common first),
// one password per line, so truncating it keeps the top N.
//
// Usage: node scripts/generate-password-list.mjs [--limit N]
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dictionary } from '@zxcvbn-ts/language-common';

const require = createRequire(import.meta.url);
const { version } = require('@zxcvbn-ts/language-common/package.json');

const args = process.argv.slice(2);
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Infinity;
if (!(limit > 0)) throw new Error('--limit needs a positive number');

const seen = new Set();
const out = [];
for (const word of dictionary['passwords-common']) {
  // The loader splits on "\n"; an entry with a line break (there are none today) would corrupt the file.
  if (typeof word !== 'string' || word === '' || /[\r\n]/.test(word) || seen.has(word)) continue;
  seen.add(word);
  out.push(word);
  if (out.length >= limit) break;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'resources', 'passwords', 'common-passwords.txt');
writeFileSync(target, out.join('\n') + '\n');
console.log(`wrote ${out.length} passwords from @zxcvbn-ts/language-common@${version} to ${target}`);
