#!/usr/bin/env python3
# Regenerates the vectors in ../vectors.test.ts (run: python3 vectors.py). Needs Python 3.11 (the crypt
# module, backed by glibc/libxcrypt), pyca/cryptography >= 44 (Argon2 and AES from its bundled OpenSSL)
# and the openssl CLI with the legacy provider (HMAC-MD4). Nothing here comes from Kratos's test suite.
import base64, hashlib, hmac, crypt, json, subprocess
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id, Argon2i
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

def raw(b): return base64.b64encode(b).decode().rstrip('=')
def std(b): return base64.b64encode(b).decode()
PW = 'correct horse'
PWU = 'pässwörd ✓'
out = []
def add(name, pw, h): out.append((name, pw, h))

# argon2 (OpenSSL 4 via pyca/cryptography)
salt = b'gatehouse-salt-1'
for cls, tag in ((Argon2id, 'argon2id'), (Argon2i, 'argon2i')):
    for pw in (PW, PWU):
        k = cls(salt=salt, length=32, iterations=2, lanes=2, memory_cost=64).derive(pw.encode())
        add(tag, pw, f'${tag}$v=19$m=64,t=2,p=2${raw(salt)}${raw(k)}')
k = Argon2id(salt=b'sixteen-byte-slt', length=16, iterations=1, lanes=1, memory_cost=8).derive(PW.encode())
add('argon2id m=8 p=1 16-byte key', PW, f'$argon2id$v=19$m=8,t=1,p=1${raw(b"sixteen-byte-slt")}${raw(k)}')

# bcrypt via glibc/libxcrypt crypt(3)
for pre in ('$2a$', '$2b$', '$2y$'):
    for pw in (PW, PWU):
        add('bcrypt ' + pre, pw, crypt.crypt(pw, pre + '05$' + 'GatehouseSaltForBcrypt'))

# pbkdf2
for tag, alg in (('sha1','sha1'),('sha224','sha3_224'),('sha256','sha256'),('sha384','sha3_384'),('sha512','sha512'),('sha99','sha256')):
    s = ('pbkdf2-salt-' + tag).encode()
    k = hashlib.pbkdf2_hmac(alg, PW.encode(), s, 1000, 32)
    add('pbkdf2-' + tag, PW, f'$pbkdf2-{tag}$i=1000,l=32${raw(s)}${raw(k)}')

# scrypt (ln carries N)
for n, r, p in ((1024, 8, 1), (16384, 8, 2)):
    s = b'scrypt-salt-' + str(n).encode()
    k = hashlib.scrypt(PWU.encode(), salt=s, n=n, r=r, p=p, dklen=32)
    add(f'scrypt N={n}', PWU, f'$scrypt$ln={n},r={r},p={p}${std(s)}${std(k)}')

# firebase scrypt
signer = hashlib.sha512(b'gatehouse signer key').digest()
sep = b'\x07'
s = b'firebase-salt!'
key = hashlib.scrypt(PW.encode(), salt=s + sep, n=2**14, r=8, p=1, dklen=32)
enc = Cipher(algorithms.AES(key), modes.CTR(b'\0' * 16)).encryptor()
h = enc.update(signer) + enc.finalize()
add('firescrypt', PW, f'$firescrypt$ln=14,r=8,p=1${std(s)}${std(h)}${std(sep)}${std(signer)}')

# LDAP salted SHA
for tag, alg in (('SSHA','sha1'),('SSHA256','sha256'),('SSHA512','sha512')):
    s = b'ldapsalt'
    add('{' + tag + '}', PW, '{' + tag + '}' + std(hashlib.new(alg, PW.encode() + s).digest() + s))

# Kratos salted sha with a salting format
for alg in ('sha1', 'sha256', 'sha512'):
    for pf in ('{SALT}{PASSWORD}', '{PASSWORD}{SALT}', 'x{PASSWORD}--{SALT}{PASSWORD}'):
        s = b'sha-salt'
        data = pf.replace('{SALT}', '\0SALT\0').replace('{PASSWORD}', '\0PW\0')
        data = b''.join(s if t == 'SALT' else PW.encode() if t == 'PW' else t.encode() for t in data.split('\0'))
        add(f'{alg} pf={pf}', PW, f'${alg}$pf={std(pf.encode())}${std(s)}${std(hashlib.new(alg, data).digest())}')

# md5
add('md5', PW, '$md5$' + std(hashlib.md5(PW.encode()).digest()))
add('md5 pf', PW, f'$md5$pf={std(b"{SALT}{PASSWORD}")}${std(b"md5salt")}${std(hashlib.md5(b"md5salt" + PW.encode()).digest())}')

# crypt(3) via glibc/libxcrypt, re-prefixed the way Kratos stores them
def kratos_crypt(h):
    return h.replace('$1$', '$md5-crypt$', 1) if h.startswith('$1$') else h.replace('$5$', '$sha256-crypt$', 1) if h.startswith('$5$') else h.replace('$6$', '$sha512-crypt$', 1)
for setting in ('$1$saltsalt$', '$5$saltsaltsaltsalt$', '$5$rounds=10000$roundsalt$', '$6$saltsaltsaltsalt$', '$6$rounds=1000$short$'):
    for pw in (PW, PWU):
        add('crypt ' + setting, pw, kratos_crypt(crypt.crypt(pw, setting)))

# hmac: base64(hex(mac))
hkey = b'hmac-secret-key'
for alg in ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'):
    add('hmac-' + alg, PW, f'$hmac-{alg}${std(hmac.new(hkey, PW.encode(), alg).hexdigest().encode())}${std(hkey)}')
# md4 is not in hashlib here: openssl's legacy provider computes it
mac = subprocess.run(['openssl', 'mac', '-provider', 'legacy', '-provider', 'default', '-digest', 'MD4', '-macopt', 'hexkey:' + hkey.hex(), '-in', '/dev/stdin', 'HMAC'], input=PW.encode(), capture_output=True, check=True).stdout.decode().strip().lower()
add('hmac-md4', PW, f'$hmac-md4${std(mac.encode())}${std(hkey)}')

for n, pw, h in out: print(json.dumps([n, pw, h], ensure_ascii=False) + ',')
