import { DatabaseConfig } from '../config/app-config';

/**
 * The role the application works as (created by migrations/1796688000001-audit-chain.ts): normal
 * rights on the domain tables, only INSERT and SELECT on the audit tables, owner of nothing, not a
 * superuser, so it can neither rewrite the audit nor disable its triggers. Migrations and the CLI
 * tools run as the owner (DATABASE_OWNER_URL, else DATABASE_URL).
 */
export const APP_ROLE = 'skillstack_app';

/**
 * Connection parameters that make a session work as APP_ROLE: nothing when DATABASE_URL logs in
 * as it already (docker-compose.yml), else `SET ROLE` at connection start (the login role must be
 * a superuser or a member of APP_ROLE).
 */
export function appRoleConnectionOptions(config: DatabaseConfig): { options?: string } {
  if (config.kind !== 'postgres' || !config.url) return {};
  const user = decodeURIComponent(new URL(config.url).username);
  return user === APP_ROLE ? {} : { options: `-c role=${APP_ROLE}` };
}
