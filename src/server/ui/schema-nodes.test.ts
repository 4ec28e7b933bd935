// Form generation from identity schemas (NodesFromJSONSchema / NewInputFieldFromSchema).
import { describe, expect, it } from 'vitest';
import { nodeId } from './container';
import { nodesFromJsonSchema, updateNodeValuesFromJson } from './schema-nodes';
import { sortRegistrationNodes } from './sort';
import type { UiContainer, UiNode } from './types';
import { quickstartSchema } from './testdata/quickstart-schema';

const byName = (nodes: UiNode[], name: string): string =>
  JSON.stringify(nodes.find((n) => nodeId(n) === name));

describe('nodesFromJsonSchema', () => {
  it('case=quickstart schema', () => {
    const nodes = nodesFromJsonSchema(quickstartSchema, { group: 'default' });
    expect(nodes.map(nodeId)).toEqual(['traits.email', 'traits.name.first', 'traits.name.last']);
    expect(byName(nodes, 'traits.email')).toBe(
      '{"type":"input","group":"default","attributes":{"name":"traits.email","type":"email","required":true,"autocomplete":"email","disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1070002,"text":"E-Mail","type":"info","context":{"name":"traits.email","title":"E-Mail"}}}}',
    );
    expect(byName(nodes, 'traits.name.first')).toBe(
      '{"type":"input","group":"default","attributes":{"name":"traits.name.first","type":"text","disabled":false,"node_type":"input"},"messages":[],"meta":{"label":{"id":1070002,"text":"First Name","type":"info","context":{"name":"traits.name.first","title":"First Name"}}}}',
    );
  });

  it('prefills traits and keeps schema order after sorting', () => {
    const nodes: UiNode[] = nodesFromJsonSchema(quickstartSchema, {
      group: 'profile',
      traits: { email: 'a@b.c', name: { last: 'Doe' } },
    });
    sortRegistrationNodes(nodes, quickstartSchema);
    expect(nodes.map(nodeId)).toEqual(['traits.email', 'traits.name.first', 'traits.name.last']);
    expect(nodes.map((n) => (n.attributes.node_type === 'input' ? n.attributes.value : undefined))).toEqual([
      'a@b.c',
      undefined,
      'Doe',
    ]);
    expect(Object.keys(nodes[0]?.attributes ?? {})).toEqual([
      'name',
      'type',
      'value',
      'required',
      'autocomplete',
      'disabled',
      'node_type',
    ]);
  });

  it('maps types, formats, enums and patterns like NewInputFieldFromSchema', () => {
    const nodes = nodesFromJsonSchema(
      {
        type: 'object',
        definitions: { nick: { type: 'string', title: 'Nick' } },
        properties: {
          traits: {
            type: 'object',
            required: ['age', 'nick'],
            properties: {
              age: { type: 'integer' },
              ratio: { type: 'number' },
              tos: { type: 'boolean' },
              phone: { type: 'string', format: 'tel' },
              birthday: { type: 'string', format: 'date' },
              meeting: { type: 'string', format: 'date-time' },
              website: { type: 'string', format: 'uri' },
              code: { type: 'string', pattern: '^[a-z]+$' },
              color: { type: 'string', enum: ['red', 'green'] },
              tags: { type: 'array', items: { type: 'string' } },
              friends: { type: 'array', items: { type: 'object' } },
              meta: { type: 'object' },
              nullable: { type: ['string', 'null'] },
              password: { type: 'string' },
              nick: { $ref: '#/definitions/nick' },
            },
          },
        },
      },
      { group: 'default' },
    );
    const summary = Object.fromEntries(
      nodes.map((n) => {
        const a = n.attributes.node_type === 'input' ? n.attributes : undefined;
        return [
          nodeId(n),
          [a?.type, a?.autocomplete, a?.required, a?.pattern, a?.options, n.meta.label?.text],
        ];
      }),
    );
    expect(summary).toEqual({
      'traits.age': ['number', undefined, true, undefined, undefined, undefined],
      'traits.birthday': ['date', undefined, undefined, undefined, undefined, undefined],
      'traits.code': ['text', undefined, undefined, '^[a-z]+$', undefined, undefined],
      'traits.color': [
        'text',
        undefined,
        undefined,
        undefined,
        [{ value: 'red' }, { value: 'green' }],
        undefined,
      ],
      'traits.meeting': ['datetime-local', undefined, undefined, undefined, undefined, undefined],
      // a $ref'd property loses `required` and keeps the target's title (draft-07 ignores $ref siblings)
      'traits.nick': ['text', undefined, undefined, undefined, undefined, 'Nick'],
      // only a top-level property named "password" becomes a password input
      'traits.password': ['text', undefined, undefined, undefined, undefined, undefined],
      'traits.phone': ['tel', 'tel', undefined, undefined, undefined, undefined],
      'traits.ratio': ['number', undefined, undefined, undefined, undefined, undefined],
      'traits.tags': ['text', undefined, undefined, undefined, undefined, undefined],
      'traits.tos': ['checkbox', undefined, undefined, undefined, undefined, undefined],
      'traits.website': ['url', 'url', undefined, undefined, undefined, undefined],
    });
  });

  it('rejects circular references like ListPaths', () => {
    const schema = {
      type: 'object',
      definitions: { node: { type: 'object', properties: { child: { $ref: '#/definitions/node' } } } },
      properties: { traits: { $ref: '#/definitions/node' } },
    };
    expect(() => nodesFromJsonSchema(schema, { group: 'default' })).toThrow(/circular/);
  });
});

describe('updateNodeValuesFromJson', () => {
  it('sets values, moves nodes to the group and adds inputs typed after the value', () => {
    const c: UiContainer = {
      action: '',
      method: 'POST',
      nodes: nodesFromJsonSchema(quickstartSchema, { group: 'default' }),
    };
    updateNodeValuesFromJson(c, { email: 'x@y.z', age: 3, 'a.b': true }, 'traits', 'profile');
    const email = c.nodes.find((n) => nodeId(n) === 'traits.email');
    expect(email?.group).toBe('profile');
    expect(JSON.stringify(c.nodes.slice(3))).toBe(
      '[{"type":"input","group":"profile","attributes":{"name":"traits.age","type":"number","value":3,"disabled":false,"node_type":"input"},"messages":[],"meta":{}},{"type":"input","group":"profile","attributes":{"name":"traits.a\\\\.b","type":"checkbox","value":true,"disabled":false,"node_type":"input"},"messages":[],"meta":{}}]',
    );
  });
});
