// Self-service flows (selfservice/flow/{login,registration,settings,recovery,verification}/flow.go): one
// stored document per flow; `marshalFlow` emits each kind's public JSON in Go's field order, leaving out
// the internal context, the CSRF token and everything else Kratos tags `json:"-"`.
import type { UiContainer } from '../../ui/types';

export type FlowKind = 'login' | 'registration' | 'settings' | 'recovery' | 'verification';
export type FlowType = 'browser' | 'api';

export interface ContinueWith {
  action: string;
  [key: string]: unknown;
}

export interface StoredFlow {
  id: string;
  kind: FlowKind;
  type: FlowType;
  expires_at: string;
  issued_at: string;
  request_url: string;
  return_to?: string;
  active?: string;
  ui: UiContainer;
  state: string;
  created_at: string;
  updated_at: string;
  transient_payload?: Record<string, unknown>;
  organization_id?: string | null;
  identity_schema?: string;
  session_token_exchange_code?: string;
  oauth2_login_challenge?: string;
  // login
  refresh?: boolean;
  requested_aal?: string;
  // settings
  identity_id?: string;
  session_id?: string;
  continue_with?: ContinueWith[];
  /** The masked CSRF token the browser flow was created with (never serialised). */
  csrf_token: string;
  /** Strategy state (never serialised), e.g. registration traits, code state, WebAuthn challenges. */
  internal: Record<string, unknown>;
}

/** The flow's public JSON; `extra` supplies fields computed at read time (settings: the identity). */
export function marshalFlow(f: StoredFlow, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const opt = (key: string, value: unknown): Record<string, unknown> =>
    value === undefined || value === null || value === '' ? {} : { [key]: value };
  const returnTo = f.return_to ?? returnToOf(f.request_url);
  switch (f.kind) {
    case 'login':
      return {
        id: f.id,
        ...opt('organization_id', f.organization_id),
        ...opt('oauth2_login_challenge', f.oauth2_login_challenge),
        type: f.type,
        expires_at: f.expires_at,
        issued_at: f.issued_at,
        request_url: f.request_url,
        ...opt('return_to', returnTo),
        ...opt('active', f.active),
        ui: f.ui,
        created_at: f.created_at,
        updated_at: f.updated_at,
        refresh: f.refresh ?? false,
        requested_aal: f.requested_aal ?? 'aal1',
        ...opt('session_token_exchange_code', f.session_token_exchange_code),
        state: f.state,
        ...opt('transient_payload', f.transient_payload),
        ...opt('identity_schema', f.identity_schema),
      };
    case 'registration':
      return {
        id: f.id,
        ...opt('oauth2_login_challenge', f.oauth2_login_challenge),
        type: f.type,
        expires_at: f.expires_at,
        issued_at: f.issued_at,
        request_url: f.request_url,
        ...opt('return_to', returnTo),
        ...opt('active', f.active),
        ui: f.ui,
        ...opt('organization_id', f.organization_id),
        ...opt('transient_payload', f.transient_payload),
        ...opt('session_token_exchange_code', f.session_token_exchange_code),
        state: f.state,
        ...opt('identity_schema', f.identity_schema),
      };
    case 'settings':
      return {
        id: f.id,
        type: f.type,
        expires_at: f.expires_at,
        issued_at: f.issued_at,
        request_url: f.request_url,
        ...opt('return_to', returnTo),
        ...opt('active', f.active),
        ui: f.ui,
        identity: extra.identity ?? null,
        state: f.state,
        ...opt('organization_id', f.organization_id),
        ...(f.continue_with && f.continue_with.length > 0 ? { continue_with: f.continue_with } : {}),
        ...opt('transient_payload', f.transient_payload),
      };
    case 'recovery':
    case 'verification':
      return {
        id: f.id,
        type: f.type,
        expires_at: f.expires_at,
        issued_at: f.issued_at,
        request_url: f.request_url,
        ...opt('return_to', returnTo),
        ...opt('active', f.active),
        ui: f.ui,
        state: f.state,
        ...(f.kind === 'recovery' && f.continue_with && f.continue_with.length > 0
          ? { continue_with: f.continue_with }
          : {}),
        ...opt('transient_payload', f.transient_payload),
      };
  }
}

/** `return_to` is derived from the init request's query (Flow.SetReturnTo). */
export function returnToOf(requestUrl: string): string | undefined {
  try {
    return new URL(requestUrl).searchParams.get('return_to') ?? undefined;
  } catch {
    return undefined;
  }
}

/** `<ui_url>?flow=<id>` (Flow.AppendTo). */
export function appendFlowTo(uiUrl: string, flowId: string): string {
  const u = new URL(uiUrl);
  u.searchParams.set('flow', flowId);
  return u.toString();
}

export function isExpired(f: StoredFlow, now: Date): boolean {
  return new Date(f.expires_at).getTime() < now.getTime();
}
