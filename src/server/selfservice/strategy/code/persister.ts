// What the one-time codes need from storage. Implemented by persistence/sqlite/code.ts.

/** login, registration, recovery and verification codes of the `code` method; `*_link` are link tokens. */
export type CodeKind =
  'login' | 'registration' | 'recovery' | 'verification' | 'recovery_link' | 'verification_link';

/** Kratos's RecoveryCodeType: codes created by an admin vs. sent by the self-service flow. */
export const CODE_TYPE_ADMIN = 1;
export const CODE_TYPE_SELF_SERVICE = 2;

export interface StoredCode {
  id: string;
  kind: CodeKind;
  flow_id: string;
  /** HMAC-SHA512/256 of the code with the first session secret (hex). */
  code_hmac: string;
  identity_id: string | null;
  /** The recipient the code was sent to (email address or phone number). */
  address: string | null;
  /** `email` or `sms`. */
  address_type: string | null;
  /** The verifiable or recovery address the code belongs to. */
  address_id: string | null;
  code_type: number | null;
  used_at: string | null;
  expires_at: string;
  issued_at: string;
  created_at: string;
}

export interface CodePersister {
  createCode(code: StoredCode): void;
  /** Unused and used codes of one flow and kind, newest first. */
  listCodes(kind: CodeKind, flowId: string): StoredCode[];
  /** Marks a code used unless it already is; false when another request used it first. */
  markUsed(id: string, at: string): boolean;
  /** Marks every unused code of the flow used (a resend or a reset invalidates earlier codes). */
  invalidateCodes(kind: CodeKind, flowId: string, at: string): void;
  /** Deletes every code of the flow and kind (a resend). */
  deleteCodes(kind: CodeKind, flowId: string): void;
  /** Adds one to the flow's submission counter and returns it (0 when the flow does not exist). */
  incrementSubmitCount(flowId: string): number;
  resetSubmitCount(flowId: string): void;
  /** Finds a link token by its HMAC across flows (links carry only the token). */
  findByHmac(kind: CodeKind, hmacs: string[]): StoredCode | undefined;
}
