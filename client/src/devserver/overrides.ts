// provisioningStudio.devServer.tls / .auth → DevServerOptions overrides (no vscode import: unit-tested).
// The password never comes from settings: the caller passes the one kept in SecretStorage.
import type { ServerAuth } from '../../../server/src/core/types';
import type { DevServerOptions, TlsOverride } from '../../../server/src/devserver';

/** `bench`: the bench's `server.tls` decides; `off`: plain HTTP; `self-signed`; or PEM files relative to the workspace folder. */
export type TlsSetting = 'bench' | 'off' | 'self-signed' | { cert: string; key: string };
/** `bench`: the bench's `server.auth` decides; `none`: no authentication; or a scheme and user (password in SecretStorage). */
export type AuthSetting = 'bench' | 'none' | { type: 'basic' | 'digest'; username: string; realm?: string };

export type Overrides = Pick<DevServerOptions, 'tls' | 'auth'>;

export class OverrideError extends Error {}

/**
 * The tls override from the setting (undefined: the bench decides). `true`/`false`, the setting's old
 * boolean form, mean self-signed/bench.
 */
export function tlsOverride(setting: unknown): TlsOverride | false | undefined {
  if (setting === undefined || setting === null || setting === 'bench' || setting === false || setting === '') return undefined;
  if (setting === 'off') return false;
  if (setting === 'self-signed' || setting === true) return { self_signed: true };
  if (typeof setting === 'object' && !Array.isArray(setting)) {
    const { cert, key } = setting as { cert?: unknown; key?: unknown };
    if (typeof cert === 'string' && cert && typeof key === 'string' && key) return { cert, key };
    throw new OverrideError('provisioningStudio.devServer.tls needs both "cert" and "key" (PEM files, relative to the workspace folder)');
  }
  throw new OverrideError(
    `provisioningStudio.devServer.tls: '${String(setting).slice(0, 40)}' is not bench, off, self-signed or { "cert", "key" }`,
  );
}

/** Whether the auth setting demands a password (an object). */
export function authNeedsPassword(setting: unknown): boolean {
  return !!setting && typeof setting === 'object' && !Array.isArray(setting);
}

/**
 * The auth override from the setting and the stored password (undefined: the bench decides). A `password`
 * key in the setting is refused: passwords belong in SecretStorage, not settings.json. No message holds a password.
 */
export function authOverride(setting: unknown, password: string | undefined): ServerAuth | false | undefined {
  if (setting === undefined || setting === null || setting === 'bench' || setting === '') return undefined;
  if (setting === 'none') return false;
  if (!authNeedsPassword(setting))
    throw new OverrideError(
      `provisioningStudio.devServer.auth: '${String(setting).slice(0, 40)}' is not bench, none or { "type", "username" }`,
    );
  const s = setting as { type?: unknown; username?: unknown; realm?: unknown; password?: unknown };
  if (s.password !== undefined)
    throw new OverrideError(
      'provisioningStudio.devServer.auth must not hold a password: remove it from settings.json and run "Provisioning: Set Dev Server Password"',
    );
  if (s.type !== 'basic' && s.type !== 'digest')
    throw new OverrideError('provisioningStudio.devServer.auth: "type" must be basic or digest');
  if (typeof s.username !== 'string' || !s.username) throw new OverrideError('provisioningStudio.devServer.auth: "username" is missing');
  if (!password)
    throw new OverrideError(`no dev server password stored for user '${s.username}': run "Provisioning: Set Dev Server Password"`);
  const auth: ServerAuth = { type: s.type, username: s.username, password };
  if (typeof s.realm === 'string' && s.realm) auth.realm = s.realm;
  return auth;
}

/** Both overrides, for DevServerOptions. */
export function devServerOverrides(settings: { tls?: unknown; auth?: unknown }, password: string | undefined): Overrides {
  const out: Overrides = {};
  const tls = tlsOverride(settings.tls);
  if (tls !== undefined) out.tls = tls;
  const auth = authOverride(settings.auth, password);
  if (auth !== undefined) out.auth = auth;
  return out;
}

/** SecretStorage key of the dev server password of a workspace folder. */
export function passwordKey(folderUri: string): string {
  return `provisioningStudio.devServer.password:${folderUri}`;
}
