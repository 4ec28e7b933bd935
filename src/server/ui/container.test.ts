// Container helpers and ParseError against Kratos's behaviour (ui/container/container.go).
import { describe, expect, it } from 'vitest';
import { KratosError } from '../errors/errors';
import { compileIdentitySchema } from '../schema/validator';
import * as t from '../text';
import { canonicalContainer } from './attributes';
import {
  addMessage,
  clearMessages,
  findNode,
  newContainer,
  removeNodes,
  removeNodesByName,
  resetNodeValues,
  setCsrf,
  setNodeValue,
  upsertNode,
} from './container';
import { csrfNode, inputNode, submitNode } from './nodes';
import { nodesFromJsonSchema } from './schema-nodes';
import { quickstartSchema } from './testdata/quickstart-schema';
import { UiMessagesError, messagesFromValidationError, parseError, pointerToDotNotation } from './validation';

const loginContainer = (): ReturnType<typeof newContainer> => {
  const c = newContainer('http://127.0.0.1:4433/self-service/login?flow=f1');
  c.nodes.push(
    inputNode('default', 'identifier', { value: 'a@b.c', required: true, label: t.nodeLabelId() }),
    csrfNode('tok'),
    inputNode('password', 'password', { type: 'password', value: 'secret', required: true }),
    submitNode('password', 'method', 'password', t.loginPassword()),
  );
  return c;
};

describe('container', () => {
  it('omits container messages when empty and keeps node messages as []', () => {
    const c = newContainer('http://x/self-service/login?flow=1');
    c.nodes.push(csrfNode('tok'));
    expect(JSON.stringify(c)).toBe(
      '{"action":"http://x/self-service/login?flow=1","method":"POST","nodes":[{"type":"input","group":"default","attributes":{"name":"csrf_token","type":"hidden","value":"tok","required":true,"disabled":false,"node_type":"input"},"messages":[],"meta":{}}]}',
    );
    addMessage(c, t.invalidCredentials());
    expect(JSON.stringify(c)).toContain('"messages":[{"id":4000006,');
    clearMessages(c);
    expect(JSON.stringify(c)).not.toContain('4000006');
    expect(JSON.stringify(canonicalContainer({ ...c, messages: [] }))).not.toContain('"messages":[]}');
  });

  it('clears the password after a failed login but keeps the identifier', () => {
    const c = loginContainer();
    resetNodeValues(c, ['password']);
    addMessage(c, t.invalidCredentials());
    expect(findNode(c, 'password')?.attributes).not.toHaveProperty('value');
    expect(findNode(c, 'identifier')?.attributes).toHaveProperty('value', 'a@b.c');
  });

  it('sets values in canonical key order, upserts, removes and finds by group', () => {
    const c = loginContainer();
    resetNodeValues(c, ['password']);
    expect(setNodeValue(c, 'password', 'x')).toBe(true);
    expect(Object.keys(findNode(c, 'password')?.attributes ?? {}).slice(0, 4)).toEqual([
      'name',
      'type',
      'value',
      'required',
    ]);
    expect(setNodeValue(c, 'nope', 'x')).toBe(false);
    setCsrf(c, 'new');
    expect(
      c.nodes.filter((n) => n.attributes.node_type === 'input' && n.attributes.name === 'csrf_token'),
    ).toHaveLength(1);
    upsertNode(c, submitNode('code', 'method', 'code', t.loginSendCode()));
    expect(findNode(c, 'method', 'password')).toBeUndefined(); // upsert replaces by name, like Kratos
    expect(findNode(c, 'method', 'code')).toBeDefined();
    removeNodes(c, 'code');
    removeNodesByName(c, ['identifier']);
    removeNodes(c, (n) => n.group === 'password');
    expect(c.nodes.map((n) => n.group)).toEqual(['default']);
  });

  it('creates a text input in group default for messages on unknown nodes', () => {
    const c = newContainer('a');
    addMessage(c, t.validationRequired('webauthn_register_displayname'), 'webauthn_register_displayname');
    expect(JSON.stringify(c.nodes[0])).toBe(
      '{"type":"input","group":"default","attributes":{"name":"webauthn_register_displayname","type":"text","disabled":false,"node_type":"input"},"messages":[{"id":4000002,"text":"Property webauthn_register_displayname is missing.","type":"error","context":{"property":"webauthn_register_displayname"}}],"meta":{}}',
    );
  });
});

describe('validation errors as messages (ParseError)', () => {
  const validate = compileIdentitySchema(quickstartSchema);
  const formFor = (traits: unknown): ReturnType<typeof newContainer> => {
    const c = newContainer('a');
    c.nodes.push(...nodesFromJsonSchema(quickstartSchema, { group: 'default' }));
    const err = validate.validate({ traits });
    if (!err) throw new Error('expected a validation error');
    messagesFromValidationError(err, c);
    return c;
  };

  it('case=missing email → 4000002 on traits.email', () => {
    const c = formFor({});
    expect(findNode(c, 'traits.email')?.messages).toEqual([t.validationRequired('email')]);
    expect(c.messages).toBeUndefined();
  });

  it('case=not an email → 4000040 with the value', () => {
    const c = formFor({ email: 'foobar' });
    expect(findNode(c, 'traits.email')?.messages).toEqual([t.validationEmail('foobar')]);
  });

  it('case=empty email → 4000001 raw format message and 4000003', () => {
    const c = formFor({ email: '' });
    const ids = findNode(c, 'traits.email')?.messages.map((m) => [m.id, m.text]);
    expect(ids).toContainEqual([4000003, 'length must be >= 3, but got 0']);
    expect(ids).toContainEqual([4000001, '"" is not valid "email"']);
  });

  it('case=unknown trait → additionalProperties message on a new "traits" node', () => {
    const c = formFor({ email: 'a@b.cd', foo: 1 });
    const traits = findNode(c, 'traits');
    expect(traits?.group).toBe('default');
    expect(traits?.messages[0]?.id).toBe(4000001);
    expect(traits?.messages[0]?.text).toBe('additionalProperties "foo" not allowed');
  });

  it('translates keyword messages through their Sscanf patterns', () => {
    const schema = {
      type: 'object',
      properties: {
        traits: {
          type: 'object',
          properties: {
            n: { type: 'number', minimum: 1200 },
            big: { type: 'number', maximum: 1000000 },
            s: { type: 'string', pattern: '^[0-9]+$', maxLength: 2 },
            b: { type: 'boolean' },
            c: { const: 'x' },
            l: { type: 'array', minItems: 2, uniqueItems: true },
            m: { type: 'number', multipleOf: 3 },
          },
        },
      },
    };
    const c = newContainer('a');
    const err = compileIdentitySchema(schema).validate({
      traits: { n: 1, big: 2000000, s: 'abc', b: 'yes', c: 'y', l: [1, 1], m: 7 },
    });
    if (!err) throw new Error('expected errors');
    messagesFromValidationError(err, c);
    const texts = Object.fromEntries(
      c.nodes.map((n) => [
        n.attributes.node_type === 'input' ? n.attributes.name : '',
        n.messages.map((m) => `${m.id} ${m.text}`),
      ]),
    );
    expect(texts['traits.n']).toEqual(['4000018 must be >= 1200 but found 1']);
    expect(texts['traits.big']).toEqual(['4000020 must be <= 1e+06 but found 2e+06']);
    expect(texts['traits.s']).toEqual(
      expect.arrayContaining([
        '4000004 does not match pattern "^[0-9]+$"',
        '4000017 length must be <= 2, but got 3',
      ]),
    );
    expect(texts['traits.b']).toEqual(['4000026 expected boolean, but got string']);
    expect(texts['traits.c']).toEqual(['4000029 must be equal to constant "x"']);
    expect(texts['traits.l']).toEqual(['4000025 items at index 0 and 1 are equal']);
    expect(texts['traits.m']).toEqual(['4000022 7 not multipleOf 3']);
  });

  it('handles Kratos errors and pointer messages', () => {
    const c = loginContainer();
    expect(parseError(c, new KratosError({ status: 400, reason: 'A valid session was detected.' }))).toBe(
      true,
    );
    expect(parseError(c, new KratosError({ status: 400, id: 'identity_disabled' }))).toBe(true);
    expect(parseError(c, new KratosError({ status: 500 }))).toBe(false);
    expect(parseError(c, new UiMessagesError('#/', [t.invalidCredentials()]))).toBe(true);
    expect(parseError(c, new UiMessagesError('#/identifier', [t.validationRequired('identifier')]))).toBe(
      true,
    );
    expect(parseError(c, new Error('boom'))).toBe(false);
    expect(c.messages?.map((m) => m.id)).toEqual([4000001, 4010011, 4000006]);
    expect(findNode(c, 'identifier')?.messages.map((m) => m.id)).toEqual([4000002]);
  });

  it('converts JSON pointers like jsonschemax', () => {
    expect(pointerToDotNotation('#/traits/email')).toBe('traits.email');
    expect(pointerToDotNotation('#/traits/a~1b/c.d/%41')).toBe('traits.a/b.c\\.d.A');
    expect(pointerToDotNotation('#/')).toBe('');
    expect(pointerToDotNotation('#')).toBeUndefined();
  });
});
