// Session errors exactly as Kratos serialises them (session/manager.go, session/error.go).
import { KratosError } from '../errors/errors';

/** 401 session_inactive; Kratos's error struct also leaks its untagged CredentialsMissing field. */
export function noActiveSession(
  credentialsMissing = false,
  reason = 'No active session was found in this request.',
): KratosError {
  return new KratosError({
    status: 401,
    id: 'session_inactive',
    reason,
    message: 'request does not have a valid authentication session',
    extra: { CredentialsMissing: credentialsMissing },
  });
}

/** whoami's 401 (no id). */
export function noSessionFound(): KratosError {
  return new KratosError({ status: 401, reason: 'No valid session credentials found in the request.' });
}

/** 403 session_aal2_required with redirect_browser_to, in the body and in details. */
export function aalNotSatisfied(redirectTo: string): KratosError {
  return new KratosError({
    status: 403,
    id: 'session_aal2_required',
    message: 'Session does not fulfill the requested Authenticator Assurance Level',
    reason:
      'An active session was found but it does not fulfill the requested Authenticator Assurance Level. Please verify yourself with a second factor to resolve this issue.',
    details: { redirect_browser_to: redirectTo },
    extra: { redirect_browser_to: redirectTo },
  });
}

export function isAalNotSatisfied(err: unknown): err is KratosError {
  return err instanceof KratosError && err.id === 'session_aal2_required';
}
