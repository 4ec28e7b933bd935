import { describe, expect, it } from 'vitest';
import { nodeLabelId } from '../../../text/node';
import { newContainer, setCsrf } from '../../../ui/container';
import { inputNode, submitNode } from '../../../ui/nodes';
import type { StoredFlow } from '../../flow/model';
import { registrationCodeSent } from '../../../text/registration';
import { loginCodeSent } from '../../../text/login';
import {
  addressButton,
  registrationSubmit,
  removeMatching,
  showCodeForm,
  withoutCodeFormNodes,
} from './nodes';

function flow(kind: 'login' | 'registration'): StoredFlow {
  const ui = newContainer('http://x/self-service/login?flow=1');
  setCsrf(ui, 'token');
  return {
    id: '1',
    kind,
    type: 'browser',
    expires_at: '',
    issued_at: '',
    request_url: 'http://x/',
    ui,
    state: 'choose_method',
    created_at: '',
    updated_at: '',
    csrf_token: 'token',
    internal: {},
  };
}

const summary = (f: StoredFlow): string[] =>
  f.ui.nodes.map(
    (n) => `${n.group}/${n.type === 'input' ? `${n.attributes.name}:${n.attributes.type}` : n.type}`,
  );

describe('the code-sent form', () => {
  it('case=login keeps the identifier hidden and turns address buttons into hidden identifiers', () => {
    const f = flow('login');
    f.ui.nodes.push(
      inputNode('default', 'identifier', {
        type: 'text',
        required: true,
        value: 'a@b.c',
        label: nodeLabelId(),
      }),
      inputNode('password', 'password', { type: 'password', required: true }),
      submitNode('password', 'method', 'password', nodeLabelId()),
      addressButton({ to: '+14155550100', via: 'sms' }),
    );
    showCodeForm(f, { message: loginCodeSent(), csrfToken: 'fresh' });
    expect(summary(f)).toEqual([
      'default/identifier:hidden',
      'code/identifier:hidden',
      'code/method:hidden',
      'code/code:text',
      'code/method:submit',
      'code/resend:submit',
      'default/csrf_token:hidden',
    ]);
    expect(f.ui.messages?.map((m) => m.id)).toEqual([1010014]);
  });

  it('case=registration keeps only the traits, hidden, and adds Back when asked', () => {
    const f = flow('registration');
    f.ui.nodes.push(
      inputNode('default', 'traits.email', { type: 'email', value: 'a@b.c' }),
      inputNode('default', 'traits.name', { type: 'text' }),
      registrationSubmit(),
      inputNode('password', 'password', { type: 'password' }),
    );
    f.ui.messages = [loginCodeSent()];
    showCodeForm(f, { message: registrationCodeSent(), backToCredentialSelection: true });
    expect(summary(f)).toEqual([
      'default/csrf_token:hidden',
      'default/traits.email:hidden',
      'default/traits.name:hidden',
      'code/method:hidden',
      'code/code:text',
      'code/method:submit',
      'code/resend:submit',
      'profile/screen:submit',
    ]);
    expect(f.ui.messages?.map((m) => m.id)).toEqual([1040005]);
    // Back on the credential screen every code-form node is gone again.
    expect(summary({ ...f, ui: { ...f.ui, nodes: withoutCodeFormNodes(f.ui.nodes) } })).toEqual([
      'default/csrf_token:hidden',
      'default/traits.email:hidden',
      'default/traits.name:hidden',
    ]);
  });

  it('case=removeMatching compares name, group, type and (when given) value', () => {
    const nodes = [registrationSubmit(), submitNode('code', 'method', 'other', nodeLabelId())];
    expect(removeMatching(nodes, registrationSubmit())).toHaveLength(1);
    expect(removeMatching(nodes, inputNode('code', 'method', { type: 'submit' }))).toHaveLength(0);
  });
});
