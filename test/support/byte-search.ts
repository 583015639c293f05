/**
 * Searching stored or sent bytes for a secret (a user id, a name, an answer) in every form it
 * could be written in: raw UTF-8, base64, base64url, hex (both cases), URI-encoded, JSON-escaped. A secret
 * inside a longer base64 text can start at any of three byte offsets, so each offset's stable
 * middle is searched too.
 */

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The forms a secret may take: encoding name → the text to look for. */
export function encodings(secret: string): Record<string, string[]> {
  const raw = Buffer.from(secret, 'utf8');
  // base64 of the secret at each alignment within a longer text, without the edges that
  // depend on the neighbouring bytes.
  const aligned = (enc: 'base64' | 'base64url') =>
    [0, 1, 2].map((pad) => {
      // Characters carry 6 bits: keep those made of the secret's bits alone.
      const b = Buffer.concat([Buffer.alloc(pad), raw]).toString(enc);
      return b.slice(Math.ceil((8 * pad) / 6), Math.floor((8 * (pad + raw.length)) / 6));
    }).filter((s) => s.length >= 4);
  return {
    raw: [secret],
    base64: aligned('base64'),
    base64url: aligned('base64url'),
    hex: [raw.toString('hex'), raw.toString('hex').toUpperCase()],
    uri: [encodeURIComponent(secret), encodeURI(secret)].filter((s) => s !== secret),
    // JSON with non-ASCII escaped (\u00f8), as some serialisers write it.
    json: [secret.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)].filter((s) => s !== secret),
  };
}

/** Whether `needle` occurs in `hay`. */
export function containsBytes(hay: Uint8Array, needle: Uint8Array): boolean {
  if (needle.length === 0) return true;
  return Buffer.from(hay.buffer, hay.byteOffset, hay.byteLength).indexOf(Buffer.from(needle)) >= 0;
}

/** Every secret found in `hay`, with the encoding it was found in (empty: none). */
export function findSecrets(hay: Uint8Array | string, secrets: readonly string[]): string[] {
  const bytes = typeof hay === 'string' ? utf8(hay) : hay;
  const found: string[] = [];
  for (const secret of secrets) {
    for (const [enc, forms] of Object.entries(encodings(secret))) {
      if (forms.some((f) => containsBytes(bytes, utf8(f)))) found.push(`${secret} (${enc})`);
    }
  }
  return found;
}

export type Haystack = { where: string; data: Uint8Array | string };

/** Every secret found in any of `haystacks`, as "secret (encoding) in where" (empty: none). */
export function leaks(haystacks: readonly Haystack[], secrets: readonly string[]): string[] {
  return haystacks.flatMap(({ where, data }) => findSecrets(data, secrets).map((f) => `${f} in ${where}`));
}
