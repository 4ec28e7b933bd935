// The served webauthn.js, run in a VM against a fake DOM and a fake navigator.credentials: what each
// trigger reads, how it decodes the base64url options, which hidden input it fills with which JSON, and
// which form it submits.
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { WEBAUTHN_SCRIPT } from './script';

interface FakeElement {
  name: string;
  value: string;
  form: FakeForm;
  closest(selector: string): FakeForm | null;
  getAttribute(attr: string): string | null;
}

interface FakeForm {
  submit: ReturnType<typeof vi.fn>;
  fields: FakeElement[];
  querySelectorAll(selector: string): FakeElement[];
}

/** What the script hands to navigator.credentials, byte fields decoded. */
interface CeremonyCall {
  publicKey: {
    challenge: Uint8Array;
    rpId?: string;
    allowCredentials: { id: Uint8Array }[];
    excludeCredentials: { id: Uint8Array }[];
    user: { id: Uint8Array; name: string; displayName: string };
  };
  mediation?: string;
  signal?: AbortSignal;
}

function firstCall(fn: { mock: { calls: [CeremonyCall][] } }): CeremonyCall {
  const call = fn.mock.calls[0]?.[0];
  if (!call) throw new Error('navigator.credentials was not called');
  return call;
}

const bytes = (...values: number[]): ArrayBuffer => new Uint8Array(values).buffer;

function page(fields: Record<string, string>, opts: { webauthn?: boolean; conditional?: boolean } = {}) {
  const form: FakeForm = {
    submit: vi.fn(),
    fields: [],
    querySelectorAll: () => form.fields,
  };
  for (const [name, value] of Object.entries(fields)) {
    form.fields.push({
      name,
      value,
      form,
      closest: (selector) => (selector === 'form' ? form : null),
      getAttribute: (attr) => (attr === 'name' ? name : null),
    });
  }
  const byName = (name: string): FakeElement | undefined => form.fields.find((f) => f.name === name);
  const assertion = {
    id: '-_8',
    rawId: bytes(0xfb, 0xff),
    type: 'public-key',
    response: {
      authenticatorData: bytes(1, 2, 3),
      clientDataJSON: bytes(123, 125),
      signature: bytes(0xff, 0xfe, 0xfd),
      userHandle: null as ArrayBuffer | null,
    },
  };
  const attestation = {
    id: 'AQ',
    rawId: bytes(1),
    type: 'public-key',
    response: { attestationObject: bytes(0xa0), clientDataJSON: bytes(123, 125) },
  };
  const credentials = {
    get: vi.fn(async (_call: CeremonyCall): Promise<typeof assertion> => assertion),
    create: vi.fn(async (_call: CeremonyCall): Promise<typeof attestation> => attestation),
  };
  const dispatched: string[] = [];
  const sandbox: Record<string, unknown> = {
    console: { log: vi.fn(), error: vi.fn(), debug: vi.fn(), trace: vi.fn() },
    alert: vi.fn(),
    atob,
    btoa,
    AbortController,
    CustomEvent: class {
      constructor(readonly type: string) {}
    },
    navigator: { credentials },
    document: {
      getElementsByName: (name: string) => form.fields.filter((f) => f.name === name),
      querySelector: (selector: string) => {
        const m = /^\*\[name="([^"]+)"\]$/.exec(selector);
        return (m && byName(m[1] as string)) ?? null;
      },
    },
    dispatchEvent: (e: { type: string }) => dispatched.push(e.type),
  };
  if (opts.webauthn !== false) {
    sandbox.PublicKeyCredential = {
      isConditionalMediationAvailable: async () => opts.conditional ?? true,
    };
  }
  const context = createContext(sandbox);
  sandbox.window = context;
  runInContext(WEBAUTHN_SCRIPT, context);
  return { window: context as Record<string, unknown>, form, byName, credentials, dispatched, assertion };
}

const call = async (w: Record<string, unknown>, name: string, ...args: unknown[]): Promise<void> => {
  await (w[name] as (...a: unknown[]) => Promise<void>)(...args);
};

const requestOptions = JSON.stringify({
  publicKey: {
    challenge: '-_-_',
    rpId: 'localhost',
    allowCredentials: [{ type: 'public-key', id: 'AQI' }],
    userVerification: 'discouraged',
  },
});

const creationOptions = {
  publicKey: {
    rp: { name: 'Test', id: 'localhost' },
    user: { name: 'Test', displayName: 'Test', id: 'AAEC' },
    challenge: 'AAAA',
    excludeCredentials: [{ type: 'public-key', id: '_w' }],
  },
};

describe('webauthn.js', () => {
  it('case=defines every trigger (and the Ory Elements v0 names) and announces itself', () => {
    const { window, dispatched } = page({});
    for (const name of [
      'WebAuthnLogin',
      'WebAuthnRegistration',
      'PasskeyLogin',
      'PasskeyLoginAutocompleteInit',
      'PasskeyRegistration',
      'PasskeySettingsRegistration',
    ]) {
      expect(typeof window[`ory${name}`]).toBe('function');
      expect(window[`__ory${name}`]).toBe(window[`ory${name}`]);
    }
    expect(window.__oryWebAuthnInitialized).toBe(true);
    expect(dispatched).toEqual(['oryWebAuthnInitialized']);
  });

  it('case=a browser without WebAuthn gets no triggers', () => {
    const { window, dispatched } = page({}, { webauthn: false });
    expect(window.oryWebAuthnLogin).toBeUndefined();
    expect(dispatched).toEqual([]);
  });

  it('case=oryWebAuthnLogin reads the trigger, decodes base64url, fills webauthn_login, submits', async () => {
    const { window, byName, credentials, form } = page({
      webauthn_login_trigger: requestOptions,
      webauthn_login: '',
      identifier: 'a@example.com',
    });
    await call(window, 'oryWebAuthnLogin');
    const publicKey = firstCall(credentials.get).publicKey;
    expect([...publicKey.challenge]).toEqual([0xfb, 0xff, 0xbf]);
    expect([...(publicKey.allowCredentials[0]?.id ?? [])]).toEqual([1, 2]);
    expect(publicKey.rpId).toBe('localhost');
    expect(JSON.parse(byName('webauthn_login')?.value ?? '')).toEqual({
      id: '-_8',
      rawId: '-_8',
      type: 'public-key',
      response: { authenticatorData: 'AQID', clientDataJSON: 'e30', signature: '__79', userHandle: '' },
    });
    expect(form.submit).toHaveBeenCalledOnce();
    // The trigger's options are left as they were (a second click works the same).
    expect(byName('webauthn_login_trigger')?.value).toBe(requestOptions);
  });

  it('case=oryWebAuthnRegistration takes options as an argument and fills webauthn_register', async () => {
    const { window, byName, credentials, form } = page({
      webauthn_register: '',
      webauthn_register_trigger: '',
    });
    await call(window, 'oryWebAuthnRegistration', creationOptions);
    const publicKey = firstCall(credentials.create).publicKey;
    expect([...publicKey.user.id]).toEqual([0, 1, 2]);
    expect([...(publicKey.excludeCredentials[0]?.id ?? [])]).toEqual([0xff]);
    expect(creationOptions.publicKey.user.id).toBe('AAEC');
    expect(JSON.parse(byName('webauthn_register')?.value ?? '')).toEqual({
      id: 'AQ',
      rawId: 'AQ',
      type: 'public-key',
      response: { attestationObject: 'oA', clientDataJSON: 'e30' },
    });
    expect(form.submit).toHaveBeenCalledOnce();
  });

  it('case=oryPasskeyRegistration names the passkey after the first filled display-name field', async () => {
    const { window, byName, credentials } = page({
      passkey_create_data: JSON.stringify({
        credentialOptions: creationOptions,
        displayNameFieldName: 'traits.username',
        displayNameFieldNames: ['traits.username', 'traits.email'],
      }),
      passkey_register: '',
      'traits.username': '',
      'traits.email': 'ada@example.com',
    });
    await call(window, 'oryPasskeyRegistration');
    const user = firstCall(credentials.create).publicKey.user;
    expect(user.name).toBe('ada@example.com');
    expect(user.displayName).toBe('ada@example.com');
    expect(JSON.parse(byName('passkey_register')?.value ?? '').rawId).toBe('AQ');
  });

  it('case=oryPasskeySettingsRegistration fills passkey_settings_register', async () => {
    const { window, byName } = page({
      passkey_create_data: JSON.stringify(creationOptions),
      passkey_settings_register: '',
    });
    await call(window, 'oryPasskeySettingsRegistration');
    expect(JSON.parse(byName('passkey_settings_register')?.value ?? '').type).toBe('public-key');
  });

  it('case=oryPasskeyLogin cancels autocomplete and sends the user handle', async () => {
    const { window, byName, credentials, assertion, form } = page({
      passkey_challenge: requestOptions,
      passkey_login: '',
      identifier: '',
    });
    let release: () => void = () => undefined;
    credentials.get.mockImplementationOnce(
      (opts: CeremonyCall) =>
        new Promise((_resolve, reject) => {
          release = () => reject(new Error('aborted'));
          opts.signal?.addEventListener('abort', () => release());
        }),
    );
    void call(window, 'oryPasskeyLoginAutocompleteInit');
    await vi.waitFor(() => expect(credentials.get).toHaveBeenCalledTimes(1));
    expect(firstCall(credentials.get).mediation).toBe('conditional');
    assertion.response.userHandle = bytes(0x61, 0x62);
    await call(window, 'oryPasskeyLogin');
    expect((window.abortPasskeyConditionalUI as AbortController | undefined) ?? null).toBeNull();
    expect(JSON.parse(byName('passkey_login')?.value ?? '').response.userHandle).toBe('YWI');
    expect(form.submit).toHaveBeenCalledOnce();
  });

  it('case=autocomplete stays off without conditional mediation or the identifier field', async () => {
    const none = page(
      { passkey_challenge: requestOptions, passkey_login: '', identifier: '' },
      { conditional: false },
    );
    await call(none.window, 'oryPasskeyLoginAutocompleteInit');
    expect(none.credentials.get).not.toHaveBeenCalled();
    const missing = page({ passkey_challenge: requestOptions, passkey_login: '' });
    await call(missing.window, 'oryPasskeyLoginAutocompleteInit');
    expect(missing.credentials.get).not.toHaveBeenCalled();
  });
});
