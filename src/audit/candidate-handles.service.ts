import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { resolveJwtSecret } from '../auth/jwt-secret';
import { isUuid } from '../common/loaders/group-by';
import { APP_CONFIG, AppConfig } from '../config/app-config';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const HANDLE_AAD = Buffer.from('skillstack candidate handle v1');

const uuidBytes = (id: string): Buffer => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidText = (bytes: Buffer): string => {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/**
 * Opaque handles for blind review. In a masked ranking a candidate is shown under a handle that
 * seals (AES-256-GCM, a key derived from the token secret) the ranking's audit id and the
 * candidate's id: it means nothing without the key, differs from ranking to ranking, and only
 * unmaskCandidate opens it. The ids of nested records (evidence, earned credentials) become
 * per-ranking HMACs that lead nowhere, and the page cursors are sealed to the caller and the job.
 */
@Injectable()
export class CandidateHandles {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const secret = resolveJwtSecret(config).secret;
    this.key = Buffer.from(hkdfSync('sha256', secret, 'skillstack', 'candidate handles v1', 32));
  }

  /** The handle of a candidate in the ranking recorded as audit `rankingId`. */
  handle(rankingId: string, candidateId: string): string {
    return this.seal(Buffer.concat([uuidBytes(rankingId), uuidBytes(candidateId)]), HANDLE_AAD);
  }

  /** The ranking and candidate a handle stands for; null for anything not made by `handle`. */
  openHandle(handle: string): { rankingId: string; candidateId: string } | null {
    const plain = this.open(handle, HANDLE_AAD);
    if (!plain || plain.length !== 32) return null;
    const rankingId = uuidText(plain.subarray(0, 16));
    const candidateId = uuidText(plain.subarray(16));
    return isUuid(rankingId) && isUuid(candidateId) ? { rankingId, candidateId } : null;
  }

  /** A stand-in for a nested record's id inside one masked ranking (not reversible). */
  opaqueId(rankingId: string, id: string): string {
    return createHmac('sha256', this.key).update(`${rankingId}|${id}`).digest('base64url').slice(0, 32);
  }

  /** A masked page's cursor: the ranking's own cursor and the position reached, for this caller and job only. */
  sealCursor(cursor: string, position: number, sub: string, jobId: string): string {
    return this.seal(Buffer.from(JSON.stringify([cursor, position])), Buffer.from(`cursor|${sub}|${jobId.toLowerCase()}`));
  }

  openCursor(sealed: string, sub: string, jobId: string): { cursor: string; position: number } | null {
    const plain = this.open(sealed, Buffer.from(`cursor|${sub}|${jobId.toLowerCase()}`));
    if (!plain) return null;
    try {
      const [cursor, position] = JSON.parse(plain.toString('utf8')) as unknown[];
      return typeof cursor === 'string' && Number.isInteger(position) && (position as number) >= 0 ? { cursor, position: position as number } : null;
    } catch {
      return null;
    }
  }

  private seal(plain: Buffer, aad: Buffer): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(aad);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  private open(text: string, aad: Buffer): Buffer | null {
    if (typeof text !== 'string' || text.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
    const raw = Buffer.from(text, 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES + 1) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(aad);
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]);
    } catch {
      return null;
    }
  }
}
