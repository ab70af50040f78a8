/** Cookie names and options, one place: HttpOnly and SameSite=Lax always, Secure over https. */
export const SESSION_COOKIE = 'ts_session';
export const TENANT_COOKIE = 'ts_tenant';

export const sessionCookieOptions = (secure: boolean) => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure });
