// The schema-driven traits form: every kind of field a Kratos identity schema uses, edited like a user would.
import '../../../test-utils/setup';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test-utils/render';
import { traitErrorFromReason, validate, traitsSchema, type JsonSchema } from './schema';
import { TraitsForm } from './TraitsForm';

const schema: JsonSchema = {
  $id: 'https://example.com/customer.schema.json',
  type: 'object',
  definitions: {
    address: {
      type: 'object',
      title: 'Address',
      properties: { street: { type: 'string', title: 'Street' }, city: { type: 'string', title: 'City' } },
      required: ['city'],
    },
  },
  properties: {
    traits: {
      type: 'object',
      properties: {
        email: {
          type: 'string',
          format: 'email',
          title: 'E-Mail',
          'ory.sh/kratos': {
            credentials: { password: { identifier: true } },
            verification: { via: 'email' },
          },
        },
        name: {
          type: 'object',
          title: 'Full name',
          properties: { first: { type: 'string', title: 'First name' }, last: { type: 'string' } },
        },
        plan: { type: 'string', title: 'Plan', enum: ['free', 'pro', 'enterprise'] },
        newsletter: { type: 'boolean', title: 'Newsletter' },
        age: { type: 'integer', title: 'Age', minimum: 0, maximum: 150 },
        website: { type: 'string', format: 'uri', title: 'Website' },
        tags: { type: 'array', title: 'Tags', items: { type: 'string' } },
        roles: { type: 'array', title: 'Roles', items: { type: 'string', enum: ['admin', 'editor'] } },
        addresses: { type: 'array', title: 'Addresses', items: { $ref: '#/definitions/address' } },
        favourite_colour: { type: 'string' },
      },
      required: ['email'],
    },
  },
};

function Harness({ initial, onValue }: { initial: unknown; onValue(v: unknown): void }): ReactNode {
  const [value, setValue] = useState<unknown>(initial);
  return (
    <TraitsForm
      schema={schema}
      value={value}
      onChange={(v) => {
        setValue(v);
        onValue(v);
      }}
    />
  );
}

function setup(initial: unknown = {}): { last: () => unknown; user: ReturnType<typeof userEvent.setup> } {
  const onValue = vi.fn();
  renderWithProviders(<Harness initial={initial} onValue={onValue} />);
  return { last: () => onValue.mock.calls.at(-1)?.[0], user: userEvent.setup() };
}

describe('TraitsForm', () => {
  it('case=titles are labels, keys without a title are humanised, required is marked', () => {
    setup();
    expect(screen.getByLabelText(/E-Mail/).hasAttribute('required')).toBe(true);
    expect(screen.getByLabelText('First name')).toBeTruthy();
    expect(screen.getByLabelText('Last')).toBeTruthy();
    expect(screen.getByLabelText('Favourite colour')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Full name' })).toBeTruthy();
  });

  it('case=the Kratos extension is shown as badges', () => {
    setup();
    expect(screen.getByText('identifier: password')).toBeTruthy();
    expect(screen.getByText('verification: email')).toBeTruthy();
  });

  it('case=formats choose the input type', () => {
    setup();
    expect(screen.getByLabelText(/E-Mail/).getAttribute('type')).toBe('email');
    expect(screen.getByLabelText('Website').getAttribute('type')).toBe('url');
  });

  it('case=typing into nested objects builds the traits object', async () => {
    const { last, user } = setup({ email: 'a@example.com' });
    await user.type(screen.getByLabelText('First name'), 'Ada');
    expect(last()).toEqual({ email: 'a@example.com', name: { first: 'Ada' } });
  });

  it('case=clearing an optional field removes the key instead of sending ""', async () => {
    const { last, user } = setup({ email: 'a@example.com', favourite_colour: 'blue' });
    await user.clear(screen.getByLabelText('Favourite colour'));
    expect(last()).toEqual({ email: 'a@example.com' });
  });

  it('case=booleans are switches and integers are numbers', async () => {
    const { last, user } = setup({ email: 'a@example.com' });
    await user.click(screen.getByLabelText('Newsletter'));
    expect(last()).toMatchObject({ newsletter: true });
    fireEvent.change(screen.getByLabelText('Age'), { target: { value: '42' } });
    expect(last()).toMatchObject({ age: 42 });
  });

  it('case=enums are selects with exactly the schema values', async () => {
    const { last, user } = setup({ email: 'a@example.com' });
    await user.click(screen.getAllByLabelText('Plan').find((el) => el.tagName === 'INPUT') as HTMLElement);
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['free', 'pro', 'enterprise']);
    await user.click(screen.getByRole('option', { name: 'pro' }));
    expect(last()).toMatchObject({ plan: 'pro' });
  });

  it('case=arrays of strings: add, type, remove', async () => {
    const { last, user } = setup({ email: 'a@example.com' });
    const tags = screen.getByRole('group', { name: 'Tags' });
    await user.click(within(tags).getByRole('button', { name: 'Add tags' }));
    await user.type(screen.getByLabelText('Tags 1'), 'beta');
    expect(last()).toMatchObject({ tags: ['beta'] });
    await user.click(screen.getByRole('button', { name: 'Remove Tags 1' }));
    expect(last()).toEqual({ email: 'a@example.com' });
  });

  it('case=arrays of objects through a $ref: each item is a fieldset with its own fields', async () => {
    const { last, user } = setup({ email: 'a@example.com', addresses: [{ city: 'Berlin' }] });
    expect(screen.getByDisplayValue('Berlin')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add addresses' }));
    const second = screen.getByRole('group', { name: 'Addresses 2' });
    await user.type(within(second).getByLabelText(/City/), 'Paris');
    expect(last()).toMatchObject({ addresses: [{ city: 'Berlin' }, { city: 'Paris' }] });
  });

  it('case=errors by pointer are shown on their field', () => {
    renderWithProviders(
      <TraitsForm
        schema={schema}
        value={{ email: 'x' }}
        onChange={() => undefined}
        errors={{ '/email': 'Not a valid email address' }}
      />,
    );
    expect(screen.getByText('Not a valid email address')).toBeTruthy();
  });

  it('case=readOnly: inputs cannot be edited', () => {
    renderWithProviders(
      <TraitsForm schema={schema} value={{ email: 'a@example.com' }} onChange={() => undefined} readOnly />,
    );
    expect(screen.getByLabelText(/E-Mail/).hasAttribute('readonly')).toBe(true);
  });

  it('case=a schema without traits properties explains itself', () => {
    renderWithProviders(<TraitsForm schema={{ type: 'object' }} value={{}} onChange={() => undefined} />);
    expect(screen.getByText('No traits form for this schema')).toBeTruthy();
  });
});

describe('traits validation', () => {
  const traits = traitsSchema(schema);
  it.each([
    ['missing required', {}, { '/email': 'Required' }],
    ['bad email', { email: 'nope' }, { '/email': 'Not a valid email address' }],
    ['enum', { email: 'a@b.co', plan: 'gold' }, { '/plan': 'Choose one of the listed values' }],
    ['integer bounds', { email: 'a@b.co', age: 200 }, { '/age': 'At most 150' }],
    [
      'nested required in array item',
      { email: 'a@b.co', addresses: [{ street: 'x' }] },
      { '/addresses/0/city': 'Required' },
    ],
    ['valid', { email: 'a@b.co', age: 3, roles: ['admin'] }, {}],
  ])('case=%s', (_name, value, expected) => {
    expect(validate(schema, traits, value)).toEqual(expected);
  });

  it("case=Kratos's validation reason maps to the field", () => {
    expect(
      traitErrorFromReason(
        'I[#/traits/name/first] S[#/properties/traits/properties/name/properties/first/type] expected string, but got number',
      ),
    ).toEqual({ pointer: '/name/first', message: 'expected string, but got number' });
    expect(traitErrorFromReason('something else')).toBeUndefined();
  });
});
