// Paths of the built-in self-service pages on the public port.
export const ROUTE_UI_ROOT = '/';
export const ROUTE_UI_LOGIN = '/ui/login';
export const ROUTE_UI_REGISTRATION = '/ui/registration';
export const ROUTE_UI_SETTINGS = '/ui/settings';
export const ROUTE_UI_RECOVERY = '/ui/recovery';
export const ROUTE_UI_VERIFICATION = '/ui/verification';
export const ROUTE_UI_ERROR = '/ui/error';
export const ROUTE_UI_WELCOME = '/ui/welcome';
