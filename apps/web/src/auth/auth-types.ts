import type { paths } from '../api/generated/schema';

type Json<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;

/** How one signs in here, and this browser's session if its cookie holds a live one. */
export type AuthSession = Json<paths['/v1/auth/session']['get']['responses'][200]>;
export type SignInOptions = AuthSession['signIn'];
export type PersonalKey = Json<paths['/v1/me/keys']['get']['responses'][200]>['items'][number];
export type CreatedPersonalKey = Json<paths['/v1/me/keys']['post']['responses'][201]>;
export type PersonalKeyRequest = NonNullable<paths['/v1/me/keys']['post']['requestBody']>['content']['application/json'];
