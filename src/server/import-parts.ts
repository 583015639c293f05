/**
 * A session's carried state arrives in parts when it is bigger than one message may be
 * (protocol/votes.ts `importPart`): kept per connection, in order, until the last one. Anything
 * out of order or too big is refused as a bad request and the upload starts again at part 0.
 */
import { isId } from './votes/rules.js';
import { VoteError } from './votes/types.js';

/** A part's characters (under the 64 KiB of a stateless message) and an upload's parts. */
const IMPORT_PART = { chars: 60 * 1024, max: 200 } as const;

interface Upload {
  id: string;
  count: number;
  parts: string[];
}

export class ImportParts {
  private readonly uploads = new WeakMap<object, Upload>();

  /** Takes one part from `connection`; the whole state once the last part is in, else null. */
  take(connection: object, a: Record<string, unknown>): string | null {
    const { upload, index, count, data } = a;
    if (!isId(upload) || typeof data !== 'string' || data.length > IMPORT_PART.chars) throw new VoteError('bad-request', 'import part');
    if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > IMPORT_PART.max) throw new VoteError('bad-request', 'import part count');
    let u = this.uploads.get(connection);
    if (index === 0) this.uploads.set(connection, (u = { id: upload, count: count as number, parts: [] }));
    if (!u || u.id !== upload || u.count !== count || index !== u.parts.length) {
      this.uploads.delete(connection);
      throw new VoteError('bad-request', 'import part out of order');
    }
    u.parts.push(data);
    if (u.parts.length < u.count) return null;
    this.uploads.delete(connection);
    return u.parts.join('');
  }
}
