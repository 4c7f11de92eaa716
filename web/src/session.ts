/** The signed-in identity: a bearer token pasted by the user or picked from the demo tokens. */
export type Role = 'ADMIN' | 'RECRUITER' | 'ADVISOR' | 'LEARNER';

export interface Session {
  token: string;
  role: Role;
  sub: string;
  candidateId: string | null;
  exp: number | null;
}

export interface DemoToken {
  role: Role;
  sub: string;
  candidate: { id: string; name: string } | null;
  token: string;
}

const KEY = 'skillstack.token';
const ROLES: Role[] = ['ADMIN', 'RECRUITER', 'ADVISOR', 'LEARNER'];

/** Reads the claims of a JWT (the server checks the signature; this only tells the page who it is). */
export function decodeToken(token: string): Session | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as Record<string, unknown>;
    const role = String(claims.role ?? '').toUpperCase() as Role;
    if (!ROLES.includes(role) || typeof claims.sub !== 'string') return null;
    return {
      token: token.trim(),
      role,
      sub: claims.sub,
      candidateId: typeof claims.candidateId === 'string' ? claims.candidateId : null,
      exp: typeof claims.exp === 'number' ? claims.exp : null,
    };
  } catch {
    return null;
  }
}

export function storedSession(): Session | null {
  const token = sessionStorage.getItem(KEY);
  const session = token ? decodeToken(token) : null;
  if (session?.exp && session.exp * 1000 < Date.now()) return null;
  return session;
}

export function storeSession(session: Session | null): void {
  if (session) sessionStorage.setItem(KEY, session.token);
  else sessionStorage.removeItem(KEY);
}

/** Outside production the service hands the console its demo tokens (the ones `npm start` prints). */
export async function fetchDemoTokens(): Promise<DemoToken[]> {
  try {
    const response = await fetch('/console/demo-tokens', { headers: { accept: 'application/json' } });
    if (!response.ok) return [];
    return (await response.json()) as DemoToken[];
  } catch {
    return [];
  }
}
