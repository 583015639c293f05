/**
 * Searching bytes for a secret in every form it could travel in: raw UTF-8, base64 and
 * base64url (at each of the three byte alignments, so a secret inside a larger encoded blob is
 * found too), hex (either case), URI-encoded and JSON-escaped. The anonymity and plate tests
 * search encoded docs, Miro storage, broadcast frames and the server's files with it.
 */

const utf8 = (s: string) => new TextEncoder().encode(s);

function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/=+$/, '');
}

/**
 * The base64 characters that `bytes` alone decide when they start `offset` bytes into a blob
 * (0, 1 or 2): whatever surrounds them, a blob that holds them at that alignment holds these.
 */
function base64Core(bytes: Uint8Array, offset: number): string {
  const padded = new Uint8Array(offset + bytes.length);
  padded.set(bytes, offset);
  const text = toBase64(padded);
  const first = Math.ceil((offset * 8) / 6);
  const last = Math.floor(((offset + bytes.length) * 8) / 6);
  return text.slice(first, last);
}

const toUrl = (b64: string) => b64.replace(/\+/g, '-').replace(/\//g, '_');
const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const jsonEscaped = (s: string) => s.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Every form of `secret` to look for, named. */
export function forms(secret: string): Array<{ name: string; bytes: Uint8Array }> {
  const raw = utf8(secret);
  const out = new Map<string, string | Uint8Array>([['raw', raw]]);
  for (const offset of [0, 1, 2]) {
    const core = base64Core(raw, offset);
    out.set(`base64@${offset}`, core);
    out.set(`base64url@${offset}`, toUrl(core));
  }
  out.set('hex', hex(raw));
  out.set('HEX', hex(raw).toUpperCase());
  out.set('uri', encodeURIComponent(secret));
  out.set('json', jsonEscaped(secret));
  const seen = new Set<string>();
  const list: Array<{ name: string; bytes: Uint8Array }> = [];
  for (const [name, v] of out) {
    const bytes = typeof v === 'string' ? utf8(v) : v;
    const key = [...bytes].join(',');
    // Forms too short to mean anything (a 2-character base64 core) would match by chance.
    if (bytes.length < 4 || seen.has(key)) continue;
    seen.add(key);
    list.push({ name, bytes });
  }
  return list;
}

export function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export type Haystack = { where: string; data: Uint8Array | string };

/** Where each secret was found, as "secret in where (form)"; empty when none was. */
export function leaks(haystacks: readonly Haystack[], secrets: readonly string[]): string[] {
  const found: string[] = [];
  for (const secret of secrets) {
    const fs = forms(secret);
    for (const { where, data } of haystacks) {
      const bytes = typeof data === 'string' ? utf8(data) : data;
      for (const f of fs) if (contains(bytes, f.bytes)) found.push(`${JSON.stringify(secret)} in ${where} (${f.name})`);
    }
  }
  return found;
}
