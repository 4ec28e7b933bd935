// One-time codes (selfservice/strategy/code, persistence/sql/persister_code.go): 6 random digits from the
// CSPRNG, stored only as an HMAC with the session secret, compared in constant time under every configured
// secret (rotation), single use, `lifespan`, and `max_submissions` wrong tries per flow.
import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { ClockProvider } from '../../../clock';
import type { Config } from '../../../config/config';
import { badRequest, KratosError, notFound } from '../../../errors/errors';
import { methodConfig } from '../../flow/config';
import type { CodeKind, CodePersister, StoredCode } from './persister';

export const CODE_LENGTH = 6;
const LINK_TOKEN_LENGTH = 32;
const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** `unknown code` (404): wrong, expired or from another flow. */
export const codeNotFound = (): KratosError => notFound('unknown code');
export const codeAlreadyUsed = (): KratosError =>
  badRequest('The code was already used. Please request another code.');
/** Shown as 4000001 when a flow got more than `max_submissions` codes. */
export const codeSubmittedTooOften = (): KratosError =>
  badRequest('The request was submitted too often. Please request another code.');

export function isCodeError(err: unknown, make: () => KratosError): boolean {
  const want = make();
  return err instanceof KratosError && err.status === want.status && err.reason === want.reason;
}

export interface IssueCodeInput {
  kind: CodeKind;
  flowId: string;
  identityId?: string | null;
  address?: string | null;
  addressType?: string | null;
  addressId?: string | null;
  codeType?: number | null;
  /** Defaults to the method's `config.lifespan` (1h). */
  lifespanMs?: number;
}

export interface OneTimeCodesDeps extends ClockProvider {
  config: Config;
  codePersister: CodePersister;
}

export class OneTimeCodes {
  constructor(private readonly deps: OneTimeCodesDeps) {}

  /** `selfservice.methods.code.config.lifespan` (or link's for link tokens). */
  lifespanMs(kind: CodeKind): number {
    const method = kind.endsWith('_link') ? 'link' : 'code';
    return this.deps.config.durationMs(`selfservice.methods.${method}.config.lifespan`, '1h');
  }

  maxSubmissions(): number {
    return methodConfig<{ max_submissions: number }>(this.deps.config, 'code').max_submissions ?? 5;
  }

  /** Stores a new code (link kinds: a 32-character token) and returns it in plain text, once. */
  issue(input: IssueCodeInput): { code: string; record: StoredCode } {
    const now = this.deps.clock.now();
    const code = input.kind.endsWith('_link') ? randomString(LINK_TOKEN_LENGTH) : randomDigits(CODE_LENGTH);
    const record: StoredCode = {
      id: randomUUID(),
      kind: input.kind,
      flow_id: input.flowId,
      code_hmac: this.hmacs(code)[0] as string,
      identity_id: input.identityId ?? null,
      address: input.address ?? null,
      address_type: input.addressType ?? null,
      address_id: input.addressId ?? null,
      code_type: input.codeType ?? null,
      used_at: null,
      expires_at: new Date(now.getTime() + (input.lifespanMs ?? this.lifespanMs(input.kind))).toISOString(),
      issued_at: now.toISOString(),
      created_at: now.toISOString(),
    };
    this.deps.codePersister.createCode(record);
    return { code, record };
  }

  /**
   * useOneTimeCode: counts the submission against the flow, then finds the flow's code matching `userCode`
   * and marks it used. Throws codeSubmittedTooOften past `max_submissions`, codeNotFound for a wrong or
   * expired code, codeAlreadyUsed for a used one.
   */
  use(kind: CodeKind, flowId: string, userCode: string, opts: { identityId?: string } = {}): StoredCode {
    const p = this.deps.codePersister;
    const count = p.incrementSubmitCount(flowId);
    if (count === 0) throw codeNotFound();
    if (count > this.maxSubmissions()) throw codeSubmittedTooOften();
    const candidates = p
      .listCodes(kind, flowId)
      .filter((c) => !opts.identityId || c.identity_id === opts.identityId);
    const supplied = this.hmacs(userCode.trim());
    const match = candidates.find((c) => supplied.some((h) => safeEqual(c.code_hmac, h)));
    return this.consume(match);
  }

  /** A link token: found by its HMAC within the flow, single use, not expired. */
  useToken(kind: CodeKind, flowId: string, token: string): StoredCode {
    const found = this.deps.codePersister.findByHmac(kind, this.hmacs(token));
    return this.consume(found && found.flow_id === flowId ? found : undefined);
  }

  /** A resend or a reset: earlier codes of the flow stop working, the submission counter restarts. */
  invalidate(kind: CodeKind, flowId: string): void {
    this.deps.codePersister.invalidateCodes(kind, flowId, this.deps.clock.now().toISOString());
    this.deps.codePersister.resetSubmitCount(flowId);
  }

  /**
   * DeleteRecoveryCodesOfFlow / DeleteVerificationCodesOfFlow: a resend removes the flow's earlier codes, so
   * an old code is simply unknown afterwards. The submission counter is left alone, as in Kratos.
   */
  deleteCodes(kind: CodeKind, flowId: string): void {
    this.deps.codePersister.deleteCodes(kind, flowId);
  }

  /**
   * UseRecoveryToken / UseVerificationToken: an unused link token of the flow is consumed whether or not
   * it has expired; the caller checks `expires_at` (an expired link restarts the flow with the "expired"
   * message, an unknown or used one with "invalid"). Throws codeNotFound for unknown or used tokens.
   */
  consumeToken(kind: CodeKind, flowId: string, token: string): StoredCode {
    const found = this.deps.codePersister.findByHmac(kind, this.hmacs(token));
    const now = this.deps.clock.now().toISOString();
    if (
      !found ||
      found.flow_id !== flowId ||
      found.used_at ||
      !this.deps.codePersister.markUsed(found.id, now)
    )
      throw codeNotFound();
    return { ...found, used_at: now };
  }

  private consume(code: StoredCode | undefined): StoredCode {
    const now = this.deps.clock.now();
    if (!code || new Date(code.expires_at).getTime() < now.getTime()) throw codeNotFound();
    if (code.used_at || !this.deps.codePersister.markUsed(code.id, now.toISOString()))
      throw codeAlreadyUsed();
    return { ...code, used_at: now.toISOString() };
  }

  /** HMAC-SHA512/256 of the value under each session secret; the first is what new codes store. */
  private hmacs(value: string): string[] {
    return this.deps.config
      .secretsCookie()
      .map((secret) => createHmac('sha512-256', secret).update(value).digest('hex'));
  }
}

function randomDigits(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(randomInt(10));
  return s;
}

function randomString(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return s;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
