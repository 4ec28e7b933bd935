// Node order against selfservice/flow/registration/.snapshots/TestSortNodes-case=1.json.json and the sorted
// flows in strategy snapshots (profile one-step registration, TOTP and WebAuthn settings).
import { describe, expect, it } from 'vitest';
import * as t from '../text';
import { nodeId } from './container';
import { sliceStable } from './go-sort';
import { csrfNode, imgNode, inputNode, scriptNode, submitNode, textNode } from './nodes';
import { nodesFromJsonSchema } from './schema-nodes';
import { schemaKeysInOrder, sortLoginNodes, sortRegistrationNodes, sortSettingsNodes } from './sort';
import type { UiNode } from './types';

const names = (nodes: UiNode[]): string[] => nodes.map((n) => `${n.group}/${nodeId(n)}`);

const sortSchema = {
  $id: 'https://example.com/registration.schema.json',
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Person',
  type: 'object',
  properties: {
    traits: {
      type: 'object',
      properties: {
        username: {
          type: 'string',
          'ory.sh/kratos': {
            credentials: { password: { identifier: true } },
            verification: { via: 'email' },
          },
        },
        foobar: { type: 'string' },
      },
    },
  },
};

const passwordNode = (autocomplete: 'new-password' | 'current-password'): UiNode =>
  inputNode('password', 'password', {
    type: 'password',
    required: true,
    autocomplete,
    label: t.nodeLabelPassword(),
  });

describe('registration sort (TestSortNodes case=1)', () => {
  it('puts csrf first, the first trait, password, the other traits, method last', () => {
    const nodes: UiNode[] = [
      inputNode('default', 'traits.foobar', { required: true }),
      inputNode('default', 'traits.username', { required: true }),
      csrfNode('YTc3djZwaWpsZTFha3UyNHRlMDMyaTRxaHMxMWVmcmk='),
      passwordNode('new-password'),
      submitNode('password', 'method', 'password', t.registrationSignUp()),
    ];
    sortRegistrationNodes(nodes, sortSchema);
    expect(JSON.stringify(nodes, null, 2)).toBe(`[
  {
    "type": "input",
    "group": "default",
    "attributes": {
      "name": "csrf_token",
      "type": "hidden",
      "value": "YTc3djZwaWpsZTFha3UyNHRlMDMyaTRxaHMxMWVmcmk=",
      "required": true,
      "disabled": false,
      "node_type": "input"
    },
    "messages": [],
    "meta": {}
  },
  {
    "type": "input",
    "group": "default",
    "attributes": {
      "name": "traits.username",
      "type": "text",
      "required": true,
      "disabled": false,
      "node_type": "input"
    },
    "messages": [],
    "meta": {}
  },
  {
    "type": "input",
    "group": "password",
    "attributes": {
      "name": "password",
      "type": "password",
      "required": true,
      "autocomplete": "new-password",
      "disabled": false,
      "node_type": "input"
    },
    "messages": [],
    "meta": {
      "label": {
        "id": 1070001,
        "text": "Password",
        "type": "info"
      }
    }
  },
  {
    "type": "input",
    "group": "default",
    "attributes": {
      "name": "traits.foobar",
      "type": "text",
      "required": true,
      "disabled": false,
      "node_type": "input"
    },
    "messages": [],
    "meta": {}
  },
  {
    "type": "input",
    "group": "password",
    "attributes": {
      "name": "method",
      "type": "submit",
      "value": "password",
      "disabled": false,
      "node_type": "input"
    },
    "messages": [],
    "meta": {
      "label": {
        "id": 1040001,
        "text": "Sign up",
        "type": "info"
      }
    }
  }
]`);
  });
});

const profileStubSchema = {
  $id: 'https://example.com/registration.schema.json',
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Person',
  type: 'object',
  properties: {
    traits: {
      type: 'object',
      properties: {
        email: {
          type: 'string',
          'ory.sh/kratos': {
            credentials: { password: { identifier: true } },
            verification: { via: 'email' },
          },
        },
        stringy: { type: 'string' },
        numby: { type: 'number' },
        booly: { type: 'boolean' },
        should_big_number: { type: 'number', minimum: 1200 },
        should_long_string: { type: 'string', minLength: 25 },
      },
    },
  },
};

describe('one-step registration form (profile TestOneStepRegistration empty_flow)', () => {
  it('builds and orders the schema and password nodes like Kratos', () => {
    const nodes: UiNode[] = [
      csrfNode('x'),
      ...nodesFromJsonSchema(profileStubSchema, { group: 'default' }),
      passwordNode('new-password'),
      submitNode('password', 'method', 'password', t.registrationSignUp()),
    ];
    sortRegistrationNodes(nodes, profileStubSchema);
    expect(names(nodes)).toEqual([
      'default/csrf_token',
      'default/traits.email',
      'password/password',
      'default/traits.stringy',
      'default/traits.numby',
      'default/traits.booly',
      'default/traits.should_big_number',
      'default/traits.should_long_string',
      'password/method',
    ]);
    const types = nodes.map((n) => (n.attributes.node_type === 'input' ? n.attributes.type : ''));
    expect(types).toEqual([
      'hidden',
      'text',
      'password',
      'text',
      'number',
      'checkbox',
      'number',
      'text',
      'submit',
    ]);
    expect(JSON.stringify(nodes[5])).toBe(
      '{"type":"input","group":"default","attributes":{"name":"traits.booly","type":"checkbox","disabled":false,"node_type":"input"},"messages":[],"meta":{}}',
    );
  });
});

describe('settings sort', () => {
  it('case=TOTP device setup (totp TestCompleteSettings)', () => {
    const nodes: UiNode[] = [
      csrfNode('x'),
      textNode('totp', 'totp_secret_key', t.settingsTotpSecret('SECRET'), t.settingsTotpSecretLabel()),
      imgNode('totp', 'totp_qr', 'data:image/png;base64,AAAA', {
        width: 256,
        height: 256,
        label: t.settingsTotpQrCode(),
      }),
      inputNode('totp', 'totp_code', { required: true, label: t.nodeLabelVerifyCode() }),
      submitNode('totp', 'method', 'totp', t.nodeLabelSave()),
    ];
    sortSettingsNodes(nodes, profileStubSchema);
    expect(names(nodes)).toEqual([
      'default/csrf_token',
      'totp/totp_qr',
      'totp/totp_secret_key',
      'totp/totp_code',
      'totp/method',
    ]);
  });

  it('case=WebAuthn device shown which can be unlinked (webauthn TestCompleteSettings)', () => {
    for (const [first, second] of [
      ['666f6f666f6f', '626172626172'],
      ['626172626172', '666f6f666f6f'],
    ] as const) {
      const added = new Date('0001-01-01T00:00:00Z');
      const nodes: UiNode[] = [
        csrfNode('x'),
        submitNode('webauthn', 'webauthn_remove', first, t.settingsRemoveWebAuthn('a', added)),
        submitNode('webauthn', 'webauthn_remove', second, t.settingsRemoveWebAuthn('b', added)),
        scriptNode('webauthn', 'webauthn_script', 'http://x/.well-known/ory/webauthn.js', { nonce: 'n' }),
        inputNode('webauthn', 'webauthn_register_displayname', {
          value: '',
          label: t.settingsWebAuthnDisplayName(),
        }),
        inputNode('webauthn', 'webauthn_register_trigger', {
          type: 'button',
          onclickTrigger: 'oryWebAuthnRegistration',
          label: t.settingsRegisterWebAuthn(),
        }),
        inputNode('webauthn', 'webauthn_register', { type: 'hidden', value: '' }),
      ];
      sortSettingsNodes(nodes, profileStubSchema);
      expect(names(nodes)).toEqual([
        'default/csrf_token',
        'webauthn/webauthn_remove',
        'webauthn/webauthn_remove',
        'webauthn/webauthn_register_displayname',
        'webauthn/webauthn_register',
        'webauthn/webauthn_register_trigger',
        'webauthn/webauthn_script',
      ]);
      expect(
        nodes.slice(1, 3).map((n) => (n.attributes.node_type === 'input' ? n.attributes.value : '')),
      ).toEqual(['626172626172', '666f6f666f6f']);
    }
  });

  it('orders groups default, profile, password, oidc, lookup_secret, webauthn, passkey, totp', () => {
    const nodes: UiNode[] = [
      submitNode('totp', 'method', 'totp', t.nodeLabelSave()),
      submitNode('password', 'method', 'password', t.nodeLabelSave()),
      inputNode('profile', 'traits.email', {}),
      submitNode('profile', 'method', 'profile', t.nodeLabelSave()),
      passwordNode('new-password'),
      csrfNode('x'),
    ];
    sortSettingsNodes(nodes, profileStubSchema);
    expect(names(nodes)).toEqual([
      'default/csrf_token',
      'profile/traits.email',
      'profile/method',
      'password/password',
      'password/method',
      'totp/method',
    ]);
  });
});

describe('login sort', () => {
  it('puts oidc first, then default, code, password, totp, lookup; csrf, identifier, password first', () => {
    const nodes: UiNode[] = [
      inputNode('default', 'identifier', { value: '', required: true, label: t.nodeLabelId() }),
      csrfNode('x'),
      passwordNode('current-password'),
      submitNode('password', 'method', 'password', t.loginPassword()),
      submitNode('oidc', 'provider', 'google', t.loginWith('google', 'google')),
      submitNode('oidc', 'provider', 'github', t.loginWith('github', 'github')),
      submitNode('code', 'method', 'code', t.loginSendCode()),
    ];
    sortLoginNodes(nodes);
    expect(names(nodes)).toEqual([
      'oidc/provider',
      'oidc/provider',
      'default/csrf_token',
      'default/identifier',
      'code/method', // unrelated groups compare as equal, so the password input stays in its group
      'password/password',
      'password/method',
    ]);
    // same rank: Kratos breaks ties by the value's %v, so github before google
    expect(nodes[0]?.attributes.node_type === 'input' && nodes[0].attributes.value).toBe('github');
  });
});

describe('schemaKeysInOrder (schema.GetKeysInOrder)', () => {
  it('lists leaf keys in document order and escapes dots', () => {
    expect(
      schemaKeysInOrder({
        type: 'object',
        properties: {
          traits: {
            type: 'object',
            properties: {
              email: { type: 'string' },
              name: { type: 'object', properties: { first: { type: 'string' }, last: { type: 'string' } } },
              'a.b': { $ref: '#/definitions/x' },
            },
          },
        },
      }),
    ).toEqual(['traits.email', 'traits.name.first', 'traits.name.last', 'traits.a\\.b']);
  });
});

describe("Go's sort.SliceStable", () => {
  it('is stable over more than one insertion-sort block', () => {
    const data = Array.from({ length: 97 }, (_, i) => ({ k: (i * 37) % 7, i }));
    sliceStable(data, (a, b) => a.k < b.k);
    const expected = Array.from({ length: 97 }, (_, i) => ({ k: (i * 37) % 7, i })).sort((a, b) => a.k - b.k);
    expect(data).toEqual(expected);
  });
});
