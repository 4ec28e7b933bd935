// Settings errors with Kratos's shapes (selfservice/flow/settings/{error,flow,handler}.go, session/handler.go).
import { KratosError, unauthorized } from '../../../errors/errors';
import { noActiveSession } from '../../../session/errors';

/** 403 session_refresh_required: the session is older than privileged_session_max_age. */
export class NeedsReauthentication extends KratosError {
  constructor() {
    super({
      status: 403,
      id: 'session_refresh_required',
      message: 'The requested action was forbidden',
      reason:
        'The login session is too old and thus not allowed to update these fields. Please re-authenticate.',
    });
  }

  /** The error body with where the browser must go to re-authenticate. */
  withRedirect(redirectBrowserTo: string): KratosError {
    return new KratosError({
      status: this.status,
      id: this.id,
      message: this.message,
      ...(this.reason ? { reason: this.reason } : {}),
      extra: { redirect_browser_to: redirectBrowserTo },
    });
  }
}

/** Submitting or fetching another identity's settings flow (security_identity_mismatch). */
export const initiatedBySomeoneElse = (): KratosError =>
  new KratosError({
    status: 403,
    id: 'security_identity_mismatch',
    reason:
      'The request was initiated by someone else and has been blocked for security reasons. Please go back and try again.',
  });

export const madeForAnotherIdentity = (): KratosError =>
  new KratosError({
    status: 403,
    id: 'security_identity_mismatch',
    reason: 'The request was made for another identity and has been blocked for security reasons.',
  });

export const settingsFlowNotFound = (): KratosError =>
  new KratosError({
    status: 404,
    reason: 'The settings request could not be found. Please restart the flow.',
  });

/** IsAuthenticated without a handler of its own (the native init endpoint). */
export const sessionRequired = (): KratosError =>
  noActiveSession(
    false,
    'This endpoint can only be accessed with a valid session. Please log in and try again.',
  );

/** settings.OnUnauthenticated for JSON clients (no error id). */
export const sessionCookieOrTokenMissing = (): KratosError =>
  unauthorized('A valid Ory Session Cookie or Ory Session Token is missing.');

/** Profile settings without traits. */
export const noValueChanges = (): KratosError =>
  new KratosError({ status: 400, reason: 'Did not receive any value changes.' });
