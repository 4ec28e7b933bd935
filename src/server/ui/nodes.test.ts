// Node JSON against ui/node/.snapshots (TestNodeMarshalJSON) and strategy snapshots that list nodes in
// Kratos's own key order.
import { describe, expect, it } from 'vitest';
import * as t from '../text';
import { canonicalNode } from './attributes';
import { aNode, csrfNode, divNode, imgNode, inputNode, scriptNode, submitNode, textNode } from './nodes';
import type { UiNode } from './types';

const json = (v: unknown): string => JSON.stringify(v, null, 2);
const withoutValue = (n: UiNode): UiNode => {
  if (n.attributes.node_type === 'input') delete n.attributes.value;
  return n;
};

describe('node marshalling (ui/node/.snapshots)', () => {
  it('case=input node', () => {
    expect(json(inputNode('default', 'password', { type: 'password', value: 'secret' }))).toBe(`{
  "type": "input",
  "group": "default",
  "attributes": {
    "name": "password",
    "type": "password",
    "value": "secret",
    "disabled": false,
    "node_type": "input"
  },
  "messages": [],
  "meta": {}
}`);
  });

  it('case=image node', () => {
    expect(json(imgNode('default', '', 'image.jpg'))).toBe(`{
  "type": "img",
  "group": "default",
  "attributes": {
    "src": "image.jpg",
    "id": "",
    "width": 0,
    "height": 0,
    "node_type": "img"
  },
  "messages": [],
  "meta": {}
}`);
  });

  it('case=anchor node', () => {
    expect(json(aNode('default', '', 'https://example.com', null))).toBe(`{
  "type": "a",
  "group": "default",
  "attributes": {
    "href": "https://example.com",
    "title": null,
    "id": "",
    "node_type": "a"
  },
  "messages": [],
  "meta": {}
}`);
  });

  it('case=text node', () => {
    expect(json(textNode('default', '', null))).toBe(`{
  "type": "text",
  "group": "default",
  "attributes": {
    "text": null,
    "id": "",
    "node_type": "text"
  },
  "messages": [],
  "meta": {}
}`);
  });

  it('case=division node', () => {
    expect(json(divNode('default', ''))).toBe(`{
  "type": "div",
  "group": "default",
  "attributes": {
    "id": "",
    "node_type": "div"
  },
  "messages": [],
  "meta": {}
}`);
  });

  it('case=script node', () => {
    const node = canonicalNode({
      type: 'script',
      group: 'default',
      attributes: {
        src: 'script.js',
        async: false,
        referrerpolicy: '',
        crossorigin: '',
        integrity: '',
        type: '',
        id: '',
        nonce: '',
        node_type: 'script',
      },
      messages: [],
      meta: {},
    });
    expect(json(node)).toBe(`{
  "type": "script",
  "group": "default",
  "attributes": {
    "src": "script.js",
    "async": false,
    "referrerpolicy": "",
    "crossorigin": "",
    "integrity": "",
    "type": "",
    "id": "",
    "nonce": "",
    "node_type": "script"
  },
  "messages": [],
  "meta": {}
}`);
  });

  it('keeps "" and false values but drops nil ones, and orders every optional attribute like Go', () => {
    const n = inputNode('webauthn', 'x', {
      type: 'button',
      value: false,
      required: true,
      autocomplete: 'one-time-code',
      attributeLabel: t.nodeLabelId(),
      pattern: '[0-9]+',
      onclick: 'f()',
      onclickTrigger: 'oryWebAuthnLogin',
      onload: 'g()',
      onloadTrigger: 'oryPasskeyLoginAutocompleteInit',
      maxlength: 6,
      options: [{ value: 'a' }],
    });
    expect(Object.keys(n.attributes)).toEqual([
      'name',
      'type',
      'value',
      'required',
      'autocomplete',
      'label',
      'pattern',
      'disabled',
      'onclick',
      'onclickTrigger',
      'onload',
      'onloadTrigger',
      'maxlength',
      'options',
      'node_type',
    ]);
    expect(inputNode('default', 'identifier', { value: '' }).attributes).toHaveProperty('value', '');
    expect(inputNode('default', 'identifier', { value: null }).attributes).not.toHaveProperty('value');
  });

  it('builds script nodes like NewScriptField', () => {
    const n = scriptNode('webauthn', 'webauthn_script', 'http://localhost:4433/.well-known/ory/webauthn.js', {
      integrity: 'sha512-x',
      nonce: 'n-1',
    });
    expect(JSON.stringify(n.attributes)).toBe(
      '{"src":"http://localhost:4433/.well-known/ory/webauthn.js","async":true,"referrerpolicy":"no-referrer","crossorigin":"anonymous","integrity":"sha512-x","type":"text/javascript","id":"webauthn_script","nonce":"n-1","node_type":"script"}',
    );
    expect(scriptNode('webauthn', 's', 'x').attributes.nonce).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('strategy snapshots', () => {
  it('case=password PopulateLoginMethodFirstFactor', () => {
    const nodes = [
      inputNode('default', 'identifier', { value: '', required: true, label: t.nodeLabelId() }),
      withoutValue(csrfNode('token')),
      inputNode('password', 'password', {
        type: 'password',
        required: true,
        autocomplete: 'current-password',
        label: t.nodeLabelPassword(),
      }),
      submitNode('password', 'method', 'password', t.loginPassword()),
    ];
    expect(json(nodes)).toBe(`[
  {
    "type": "input",
    "group": "default",
    "attributes": {
      "name": "identifier",
      "type": "text",
      "value": "",
      "required": true,
      "disabled": false,
      "node_type": "input"
    },
    "messages": [],
    "meta": {
      "label": {
        "id": 1070004,
        "text": "ID",
        "type": "info"
      }
    }
  },
  {
    "type": "input",
    "group": "default",
    "attributes": {
      "name": "csrf_token",
      "type": "hidden",
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
      "autocomplete": "current-password",
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
        "id": 1010022,
        "text": "Sign in with password",
        "type": "info"
      }
    }
  }
]`);
  });

  it('case=code recovery after submission', () => {
    const nodes = [
      withoutValue(csrfNode('token')),
      inputNode('code', 'code', {
        required: true,
        autocomplete: 'one-time-code',
        pattern: '[0-9]+',
        maxlength: 6,
        label: t.nodeLabelRecoveryCode(),
      }),
      inputNode('code', 'method', { type: 'hidden', value: 'code' }),
      submitNode('code', 'method', 'code', t.nodeLabelContinue()),
      submitNode('code', 'email', 'test@ory.sh', t.nodeLabelResendCode()),
    ];
    const out = JSON.parse(json(nodes)) as UiNode[];
    expect(JSON.stringify(out[1])).toBe(
      '{"type":"input","group":"code","attributes":{"name":"code","type":"text","required":true,"autocomplete":"one-time-code","pattern":"[0-9]+","disabled":false,"maxlength":6,"node_type":"input"},"messages":[],"meta":{"label":{"id":1070010,"text":"Recovery code","type":"info"}}}',
    );
    expect(JSON.stringify(out[2])).toBe(
      '{"type":"input","group":"code","attributes":{"name":"method","type":"hidden","value":"code","disabled":false,"node_type":"input"},"messages":[],"meta":{}}',
    );
    expect(JSON.stringify(out[4])).toBe(
      '{"type":"input","group":"code","attributes":{"name":"email","type":"submit","value":"test@ory.sh","disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1070008,"text":"Resend code","type":"info"}}}',
    );
  });

  it('case=lookup_secret codes text node (regenerate_but_no_confirmation)', () => {
    const used = (s: number): Date => new Date(Date.UTC(2021, 7, 17, 11, 32, s));
    const codes = Array.from({ length: 12 }, (_, i) => ({
      code: `key-${i}`,
      usedAt: i % 3 === 1 ? used(39 + (i - 1)) : null,
    }));
    const node = textNode(
      'lookup_secret',
      'lookup_secret_codes',
      t.settingsLookupSecretList(codes),
      t.settingsLookupSecretsLabel(),
    );
    const text = node.attributes.text;
    expect(text?.text).toBe(
      'key-0, used, key-2, key-3, used, key-5, key-6, used, key-8, key-9, used, key-11',
    );
    expect(JSON.stringify((text?.context?.secrets as unknown[])[1])).toBe(
      '{"id":1050014,"text":"Secret was used at 2021-08-17 11:32:39 +0000 UTC","type":"info","context":{"used_at":"2021-08-17T11:32:39Z","used_at_unix":1629199959}}',
    );
    expect(JSON.stringify(node.meta)).toBe(
      '{"label":{"id":1050010,"text":"These are your back up recovery codes. Please keep them in a safe place!","type":"info"}}',
    );
  });

  it('case=webauthn remove button label with zero time', () => {
    const n = submitNode(
      'webauthn',
      'webauthn_remove',
      '626172626172',
      t.settingsRemoveWebAuthn('bar', new Date('0001-01-01T00:00:00Z')),
    );
    expect(JSON.stringify(n.meta.label)).toBe(
      '{"id":1050018,"text":"Remove security key \\"bar\\"","type":"info","context":{"added_at":"0001-01-01T00:00:00Z","added_at_unix":-62135596800,"display_name":"bar"}}',
    );
  });
});
