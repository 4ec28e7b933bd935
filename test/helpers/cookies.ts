// A minimal cookie jar for driving browser flows from tests (what a browser or an SPA's fetch with
// `credentials: "include"` would send back).
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Records every Set-Cookie of a response (expired ones are removed). */
  store(setCookie: string[] | string | undefined | null): void {
    const list = Array.isArray(setCookie) ? setCookie : setCookie ? splitSetCookie(setCookie) : [];
    for (const line of list) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const maxAge = attrs.map((a) => a.trim()).find((a) => /^max-age=/i.test(a));
      if (value === '' || (maxAge && Number(maxAge.split('=')[1]) <= 0)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  storeFrom(res: Response): void {
    this.store(res.headers.getSetCookie());
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  names(): string[] {
    return [...this.cookies.keys()];
  }

  clone(): CookieJar {
    const jar = new CookieJar();
    for (const [k, v] of this.cookies) jar.cookies.set(k, v);
    return jar;
  }
}

function splitSetCookie(header: string): string[] {
  return header.split(/,(?=\s*[^;,=\s]+=)/);
}

/** fetch that keeps cookies in a jar and never follows redirects (tests look at each 303). */
export async function browserFetch(jar: CookieJar, url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const cookie = jar.header();
  if (cookie) headers.set('Cookie', cookie);
  const res = await fetch(url, { ...init, headers, redirect: 'manual' });
  jar.storeFrom(res);
  return res;
}
