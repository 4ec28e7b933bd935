// Flow errors with Kratos's shapes (selfservice/flow/error.go, flow/*/error.go).
import { KratosError } from '../../errors/errors';

const GONE = 'The requested resource is no longer available because it has expired or is otherwise invalid.';

/** 410 self_service_flow_expired with expired_at, since (nanoseconds) and the replacement flow's id. */
export function flowExpired(expiresAt: Date, now: Date, useFlowId?: string): KratosError {
  const agoMs = now.getTime() - expiresAt.getTime();
  return new KratosError({
    status: 410,
    id: 'self_service_flow_expired',
    message: 'self-service flow expired',
    reason: `The self-service flow expired ${(agoMs / 60_000).toFixed(2)} minutes ago, initialize a new one.`,
    extra: {
      expired_at: expiresAt.toISOString(),
      since: Math.round(agoMs * 1e6),
      ...(useFlowId ? { use_flow_id: useFlowId } : {}),
    },
  });
}

export function isFlowExpired(err: unknown): err is KratosError {
  return (
    err instanceof KratosError && err.id === 'self_service_flow_expired' && err.extra?.since !== undefined
  );
}

/** 422 browser_location_change_required: SPAs must navigate to `redirectTo`. */
export function browserLocationChangeRequired(redirectTo: string): KratosError {
  return new KratosError({
    status: 422,
    id: 'browser_location_change_required',
    message: 'browser location change required',
    reason: `In order to complete this flow please redirect the browser to: ${redirectTo}`,
    extra: { redirect_browser_to: redirectTo },
  });
}

export function alreadyLoggedIn(flow: 'login' | 'registration' | 'recovery'): KratosError {
  const reason = {
    login:
      'A valid session was detected and thus login is not possible. Did you forget to set `?refresh=true`?',
    registration: 'A valid session was detected and thus registration is not possible.',
    recovery: 'A valid session was detected and thus recovery is not possible.',
  }[flow];
  return new KratosError({
    status: 400,
    id: 'session_already_available',
    message: 'you are already logged in',
    reason,
  });
}

export function sessionRequiredForHigherAal(): KratosError {
  return new KratosError({
    status: 401,
    id: 'session_aal1_required',
    message: 'aal2 and aal3 can only be requested if a session exists already',
    reason: 'You can not requested a higher AAL (AAL2/AAL3) without an active session.',
  });
}

export function registrationDisabled(): KratosError {
  return new KratosError({
    status: 400,
    id: 'self_service_flow_disabled',
    message: 'registration flow disabled',
    reason: 'Registration is not allowed because it was disabled.',
  });
}

/** GET of an expired flow: 410 with where to start again (details differ for browser and API flows). */
export function getExpired(
  kind: string,
  type: 'browser' | 'api',
  publicBase: URL,
  returnTo?: string,
): KratosError {
  const withId = kind === 'login' || kind === 'registration';
  if (type === 'browser') {
    const redirect = new URL(`self-service/${kind}/browser`, publicBase);
    if (returnTo) redirect.searchParams.set('return_to', returnTo);
    return new KratosError({
      status: 410,
      ...(withId ? { id: 'self_service_flow_expired' } : {}),
      message: GONE,
      reason: `The ${kind} flow has expired. Redirect the user to the ${kind} flow init endpoint to initialize a new ${kind} flow.`,
      details: { redirect_to: redirect.toString(), return_to: returnTo ?? '' },
    });
  }
  return new KratosError({
    status: 410,
    ...(withId ? { id: 'self_service_flow_expired' } : {}),
    message: GONE,
    reason: `The ${kind} flow has expired. Call the ${kind} flow init API endpoint to initialize a new ${kind} flow.`,
    details: { api: new URL(`self-service/${kind}/api`, publicBase).toString() },
  });
}

/** The request asked for a method that is turned off (strategy.EndpointDisabledMessage). */
export function methodDisabled(): KratosError {
  return new KratosError({
    status: 404,
    reason:
      'This endpoint was disabled by system administrator. Please check your url or contact the system administrator to enable it.',
  });
}

export function originNeedsBrowserFlow(): KratosError {
  return new KratosError({
    status: 400,
    reason:
      'The HTTP Request Header included the "Origin" key, indicating that this request was made as part of an AJAX request in a Browser. The flow however was initiated as an API request. To prevent potential misuse and mitigate several attack vectors including CSRF, the request has been blocked. Please consult the documentation.',
  });
}

export function cookieNeedsBrowserFlow(found: string[]): KratosError {
  return new KratosError({
    status: 400,
    reason:
      'The HTTP Request Header included the "Cookie" key, indicating that this request was made by a Browser. The flow however was initiated as an API request. To prevent potential misuse and mitigate several attack vectors including CSRF, the request has been blocked. Please consult the documentation.',
    details: { 'found cookies': found },
  });
}

export function invalidFlowId(): KratosError {
  return new KratosError({ status: 400, reason: 'The flow query parameter is missing or malformed.' });
}
