import { dictionary } from '@zxcvbn-ts/language-common';
import { describe, expect, it } from 'vitest';
import { commonPasswords, loadCommonPasswords, parseCommonPasswords } from './breach';

describe('parseCommonPasswords', () => {
  it.each([
    { name: 'exact entry', pw: 'letmein', listed: true },
    { name: 'upper-case form of an entry', pw: 'LetMeIn', listed: true },
    { name: 'not listed', pw: 'letmein-not', listed: false },
    { name: 'blank lines ignored', pw: '', listed: false },
    { name: 'CRLF stripped', pw: 'dragon', listed: true },
  ])('case=$name', ({ pw, listed }) => {
    const list = parseCommonPasswords('letmein\n\ndragon\r\n');
    expect(list.has(pw)).toBe(listed);
    expect(list.size).toBe(2);
  });

  it('case=input longer than every entry is not looked up at all', () => {
    const list = parseCommonPasswords('a\n');
    const huge = 'A'.repeat(1024 * 1024);
    const cpu = process.cpuUsage();
    expect(list.has(huge)).toBe(false);
    const used = process.cpuUsage(cpu);
    expect((used.user + used.system) / 1000).toBeLessThan(20);
  });
});

describe('bundled list (resources/passwords/common-passwords.txt)', () => {
  it('case=has at least the top 10 000 and the passwords Kratos e2e relies on', () => {
    const list = commonPasswords();
    expect(list.size).toBeGreaterThanOrEqual(10_000);
    for (const pw of ['12345678', 'password', 'qwerty123', '1234567890', 'qwertyui', 'Password']) {
      expect(list.has(pw), pw).toBe(true);
    }
    expect(list.has('l3f9toh1uaf81n21')).toBe(false);
    expect(commonPasswords()).toBe(list); // loaded once
  });

  it('case=is exactly the zxcvbn-ts dictionary it claims to come from', () => {
    const source = dictionary['passwords-common'] as string[];
    const list = loadCommonPasswords();
    expect(list.size).toBe(new Set(source).size);
    for (const pw of source) expect(list.has(pw)).toBe(true);
  });

  it('case=loads fast and small', () => {
    const before = process.memoryUsage().heapUsed;
    const start = performance.now();
    const list = loadCommonPasswords();
    const ms = performance.now() - start;
    const mb = (process.memoryUsage().heapUsed - before) / 1e6;
    console.info(`common passwords: ${list.size} entries, ${ms.toFixed(1)} ms, ~${mb.toFixed(1)} MB heap`);
    expect(ms).toBeLessThan(250);
  });
});
