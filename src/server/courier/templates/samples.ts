// Plausible sample models for the console's template preview: the values a real flow would pass,
// built from the public base URL so links look like the ones users will get.
import type { TemplateType } from '../model';
import type { JsonObject } from './model';
import type { Channel } from './spec';

const SAMPLE_FLOW_ID = '9f5a2b7c-3d41-4e8a-b6c2-0d1e2f3a4b5c';
const SAMPLE_IDENTITY_ID = '5e7c1a2b-8d9f-4a3b-9c6d-1e2f3a4b5c6d';
const SAMPLE_CODE = '482915';

export function sampleModel(type: TemplateType, channel: Channel, publicBase: URL, now: Date): JsonObject {
  const email = 'jane.doe@example.com';
  const to = channel === 'sms' ? '+15550100' : email;
  const url = (path: string, query: Record<string, string>): string => {
    const u = new URL(path.replace(/^\//, ''), publicBase);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    return u.toString();
  };
  const flow = type.startsWith('recovery')
    ? 'recovery'
    : type.startsWith('verification')
      ? 'verification'
      : type.startsWith('login')
        ? 'login'
        : 'registration';
  const requestURL = url(`/self-service/${flow}/browser`, {});
  const traits = { email, name: { first: 'Jane', last: 'Doe' } };
  const identity = {
    id: SAMPLE_IDENTITY_ID,
    schema_id: 'default',
    state: 'active',
    traits,
    metadata_public: null,
  };
  const at = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    To: to,
    Identity: identity,
    Traits: traits,
    RequestURL: requestURL,
    RequestURLDomain: publicBase.hostname,
    TransientPayload: {},
    ExpiresInMinutes: 60n,
    RecoveryURL: url('/self-service/recovery', { flow: SAMPLE_FLOW_ID, token: 'sample-recovery-token' }),
    RecoveryCode: SAMPLE_CODE,
    VerificationURL: url('/self-service/verification', { code: SAMPLE_CODE, flow: SAMPLE_FLOW_ID }),
    VerificationCode: SAMPLE_CODE,
    LoginCode: SAMPLE_CODE,
    RegistrationCode: SAMPLE_CODE,
    ChangedAt: at,
    AddedAt: at,
    Subject: 'A stub message',
    Body: 'The body of a stub message.',
    HTMLBody: '',
  };
}
