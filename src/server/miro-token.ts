/**
 * The one place that checks a Miro id token (`miro.board.getIdToken()`). Miro's own code
 * verifies it as a JWT signed HS256 with the app's client secret, with claims `sub` (the
 * app), `user` and `team`. Not yet seen on a real token: if Miro changes it, change it here.
 */
import { controlRoom } from '../protocol/votes.js';
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface MiroClaims {
  sub: string;
  user: string;
  team: string;
  exp: number;
  iat?: number;
  nbf?: number;
}

export type TokenError =
  | 'malformed'
  | 'unsupported-alg'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'missing-claims'
  | 'wrong-app';

export class TokenRejected extends Error {
  constructor(readonly why: TokenError) {
    super(`token rejected: ${why}`);
  }
}

export interface VerifyOptions {
  /** Secrets tried in order (the Miro client secret, and the dev secret in dev mode). */
  secrets: string[];
  /** When set, `sub` must equal it. */
  appId?: string | undefined;
  /** Seconds of clock skew allowed on exp/iat/nbf. */
  leewaySeconds?: number;
  nowSeconds?: number;
}

const b64url = (buf: Buffer): string => buf.toString('base64url');
const hmac = (secret: string, data: string): Buffer => createHmac('sha256', secret).update(data).digest();

function decodePart(part: string): unknown {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) throw new TokenRejected('malformed');
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new TokenRejected('malformed');
  }
}

const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Verifies signature, time claims and the claims we need; throws TokenRejected. */
export function verifyMiroToken(token: string, opts: VerifyOptions): MiroClaims {
  if (typeof token !== 'string' || token.length > 8192) throw new TokenRejected('malformed');
  const parts = token.split('.');
  if (parts.length !== 3) throw new TokenRejected('malformed');
  const [h, p, s] = parts as [string, string, string];
  const header = decodePart(h) as { alg?: unknown } | null;
  if (!header || typeof header !== 'object') throw new TokenRejected('malformed');
  // Only HS256: refusing everything else closes the `alg: none` and algorithm-confusion doors.
  if (header.alg !== 'HS256') throw new TokenRejected('unsupported-alg');
  if (!/^[A-Za-z0-9_-]+$/.test(s)) throw new TokenRejected('malformed');
  const given = Buffer.from(s, 'base64url');
  const signed = `${h}.${p}`;
  const ok = opts.secrets.some((secret) => {
    const want = hmac(secret, signed);
    return want.length === given.length && timingSafeEqual(want, given);
  });
  if (!ok) throw new TokenRejected('bad-signature');

  const c = decodePart(p) as Record<string, unknown> | null;
  if (!c || typeof c !== 'object') throw new TokenRejected('malformed');
  const now = opts.nowSeconds ?? Math.floor(Date.now() / 1000);
  const leeway = opts.leewaySeconds ?? 30;
  if (!isNum(c.exp)) throw new TokenRejected('missing-claims');
  if (now - leeway >= c.exp) throw new TokenRejected('expired');
  if (c.nbf !== undefined && (!isNum(c.nbf) || now + leeway < c.nbf)) throw new TokenRejected('not-yet-valid');
  if (c.iat !== undefined && (!isNum(c.iat) || now + leeway < c.iat)) throw new TokenRejected('not-yet-valid');
  if (!isStr(c.sub) || !isStr(c.user) || !isStr(c.team)) throw new TokenRejected('missing-claims');
  if (opts.appId !== undefined && c.sub !== opts.appId) throw new TokenRejected('wrong-app');
  return {
    sub: c.sub,
    user: c.user,
    team: c.team,
    exp: c.exp,
    ...(isNum(c.iat) ? { iat: c.iat } : {}),
    ...(isNum(c.nbf) ? { nbf: c.nbf } : {}),
  };
}

/** Signs a token the way Miro does; used by dev mode (sandbox) and by tests. */
export function signMiroToken(
  claims: { sub?: string; user: string; team: string; ttlSeconds?: number; iat?: number; exp?: number },
  secret: string,
): string {
  const iat = claims.iat ?? Math.floor(Date.now() / 1000);
  const payload = {
    sub: claims.sub ?? 'tryghed-dev',
    user: claims.user,
    team: claims.team,
    iat,
    exp: claims.exp ?? iat + (claims.ttlSeconds ?? 3600),
  };
  const h = b64url(Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));
  const p = b64url(Buffer.from(JSON.stringify(payload)));
  return `${h}.${p}.${b64url(hmac(secret, `${h}.${p}`))}`;
}

/**
 * Room names bind a document to one team and one board: `tryghed:<team>:<board>` for the
 * shared doc everyone writes, and the same with `:control` for the board's control doc (the
 * facilitator's state), which every client connection may only read.
 */
const ID = '[A-Za-z0-9_=-]{1,100}';
const ROOM = new RegExp(`^tryghed:(${ID}):(${ID})(:control)?$`);
const CONTROL_SUFFIX = controlRoom('');
export { controlRoom };

export function roomName(team: string, board: string): string {
  const name = `tryghed:${team}:${board}`;
  if (!ROOM.test(name)) throw new Error(`invalid team or board id: ${team} / ${board}`);
  return name;
}

export interface ParsedRoom {
  team: string;
  board: string;
  /** The board's room (the shared doc's name), also for its control doc. */
  room: string;
  control: boolean;
}

export function parseRoom(name: string): ParsedRoom | null {
  const m = ROOM.exec(name);
  if (!m) return null;
  const control = m[3] !== undefined;
  return { team: m[1]!, board: m[2]!, control, room: control ? name.slice(0, -CONTROL_SUFFIX.length) : name };
}
