import type { VerificationCheck } from './types';

/**
 * The validity window as a check. Expired / not yet valid is a FAIL *check*, but it does not change a
 * VERIFIED/UNVERIFIED status by itself: the signature is still genuine and the credential is still a record
 * of an achievement; callers decide what an expired credential is worth (use `expiresAt`).
 */
export function validityWindowCheck(now: Date, validFrom: Date | null, validUntil: Date | null): VerificationCheck {
  if (!validFrom && !validUntil) return { name: 'validity-window', outcome: 'SKIPPED', detail: 'no validity dates' };
  if (validUntil && now.getTime() > validUntil.getTime()) {
    return { name: 'validity-window', outcome: 'FAIL', detail: `expired: valid until ${validUntil.toISOString()}` };
  }
  if (validFrom && now.getTime() < validFrom.getTime()) {
    return { name: 'validity-window', outcome: 'FAIL', detail: `not yet valid: valid from ${validFrom.toISOString()}` };
  }
  return {
    name: 'validity-window',
    outcome: 'PASS',
    detail: `valid${validFrom ? ` from ${validFrom.toISOString()}` : ''}${validUntil ? ` until ${validUntil.toISOString()}` : ''}`,
  };
}
