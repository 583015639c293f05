/**
 * Wire format of the Miro transport.
 *
 * A frame is one logical message: the sender's state summary (state vector + digest) and a
 * list of y-protocols messages (sync step 1 / step 2 / update, awareness). It is encoded
 * with lib0, checksummed (so garbage is rejected before Yjs ever sees it), base64'd and cut
 * into chunks that each fit one broadcast. Every chunk carries the frame's key, so a lost
 * chunk loses only its own frame; anti-entropy repairs what that frame carried.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { fromBase64, toBase64 } from 'lib0/buffer';

const MAGIC = 0x5459; // 'TY'
export const WIRE_VERSION = 1;

/** What a frame is for: plain data, a request for what the sender lacks, or an answer. */
export const FrameKind = { data: 0, request: 1, reply: 2 } as const;
export type FrameKind = (typeof FrameKind)[keyof typeof FrameKind];

export interface Frame {
  kind: FrameKind;
  /** A request's own id; '' otherwise. */
  reqId: string;
  /** The request ids a reply answers. */
  replyTo: string[];
  /** The sender's encoded state vector, taken when the frame was built. */
  sv: Uint8Array;
  /** Digest of the sender's state (state vector + delete set); equal digests = equal states. */
  digest: string;
  /** y-protocols messages: [messageSync, ...] or [messageAwareness, ...]. */
  messages: Uint8Array[];
}

export function encodeFrame(frame: Frame): Uint8Array {
  const body = encoding.createEncoder();
  encoding.writeVarUint(body, frame.kind);
  encoding.writeVarString(body, frame.reqId);
  encoding.writeVarUint(body, frame.replyTo.length);
  for (const id of frame.replyTo) encoding.writeVarString(body, id);
  encoding.writeVarUint8Array(body, frame.sv);
  encoding.writeVarString(body, frame.digest);
  encoding.writeVarUint(body, frame.messages.length);
  for (const m of frame.messages) encoding.writeVarUint8Array(body, m);
  const bodyBytes = encoding.toUint8Array(body);
  const out = encoding.createEncoder();
  encoding.writeUint16(out, MAGIC);
  encoding.writeUint8(out, WIRE_VERSION);
  encoding.writeUint32(out, fnv1a32(bodyBytes));
  encoding.writeUint8Array(out, bodyBytes);
  return encoding.toUint8Array(out);
}

/** Decodes a frame; throws on anything malformed (bad magic, version, checksum, shape). */
export function decodeFrame(bytes: Uint8Array): Frame {
  if (bytes.length < 7) throw new Error('frame too short');
  const d = decoding.createDecoder(bytes);
  if (decoding.readUint16(d) !== MAGIC) throw new Error('bad magic');
  const version = decoding.readUint8(d);
  if (version !== WIRE_VERSION) throw new Error(`unsupported wire version ${version}`);
  const checksum = decoding.readUint32(d);
  const body = bytes.subarray(7);
  if (fnv1a32(body) !== checksum) throw new Error('checksum mismatch');
  const b = decoding.createDecoder(body);
  const kind = decoding.readVarUint(b);
  if (kind !== 0 && kind !== 1 && kind !== 2) throw new Error(`bad frame kind ${kind}`);
  const reqId = decoding.readVarString(b);
  const replyCount = decoding.readVarUint(b);
  if (replyCount > 1000) throw new Error('too many reply ids');
  const replyTo: string[] = [];
  for (let i = 0; i < replyCount; i++) replyTo.push(decoding.readVarString(b));
  const sv = decoding.readVarUint8Array(b);
  const digest = decoding.readVarString(b);
  const count = decoding.readVarUint(b);
  if (count > 1000) throw new Error('too many messages');
  const messages: Uint8Array[] = [];
  for (let i = 0; i < count; i++) messages.push(decoding.readVarUint8Array(b));
  if (decoding.hasContent(b)) throw new Error('trailing bytes');
  return { kind, reqId, replyTo, sv, digest, messages };
}

/** One broadcast payload: chunk `i` of `n` of frame `k` from sender `s`. */
export interface ChunkEnvelope {
  v: 1;
  s: number;
  k: string;
  i: number;
  n: number;
  d: string;
}

/** Room in a payload for the envelope around the data (field names, numbers, key). */
const ENVELOPE_OVERHEAD = 120;
export const MAX_CHUNKS = 512;

export function splitFrame(bytes: Uint8Array, sender: number, key: string, maxPayloadChars: number): ChunkEnvelope[] {
  // base64 turns 3 bytes into 4 chars; cut on 3-byte boundaries so each chunk is valid base64.
  const bytesPerChunk = Math.floor((maxPayloadChars - ENVELOPE_OVERHEAD - key.length) / 4) * 3;
  if (bytesPerChunk <= 0) throw new Error('payload limit too small');
  const n = Math.max(1, Math.ceil(bytes.length / bytesPerChunk));
  if (n > MAX_CHUNKS) throw new Error(`frame of ${bytes.length} bytes needs more than ${MAX_CHUNKS} chunks`);
  const out: ChunkEnvelope[] = [];
  for (let i = 0; i < n; i++) {
    out.push({ v: 1, s: sender, k: key, i, n, d: toBase64(bytes.subarray(i * bytesPerChunk, (i + 1) * bytesPerChunk)) });
  }
  return out;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict base64 decode: Node's decoder silently skips bad characters, so check first. */
export function decodeBase64(s: string): Uint8Array {
  if (!BASE64.test(s)) throw new Error('bad base64');
  return fromBase64(s);
}

/** Validates a received payload; returns the envelope or a reason it was rejected. */
export function parseEnvelope(payload: unknown, maxPayloadChars: number): ChunkEnvelope | string {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return 'payload is not an object';
  const p = payload as Record<string, unknown>;
  if (p.v !== 1) return `unsupported envelope version ${String(p.v)}`;
  const { s, k, i, n, d } = p;
  if (typeof s !== 'number' || !Number.isSafeInteger(s) || s < 0) return 'bad sender';
  if (typeof k !== 'string' || k.length === 0 || k.length > 64) return 'bad frame key';
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_CHUNKS) return 'bad chunk count';
  if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= n) return 'bad chunk index';
  if (typeof d !== 'string' || d.length > maxPayloadChars) return 'bad chunk data';
  return { v: 1, s, k, i, n, d };
}

/**
 * Collects chunks into frames. Duplicated chunks and frames are dropped; partial frames
 * expire after `ttlMs` (their missing chunks were lost). Returns whole frames' bytes.
 */
export class Reassembler {
  private readonly partial = new Map<string, { parts: (string | undefined)[]; got: number; at: number }>();
  private readonly done = new Map<string, number>();

  constructor(private readonly ttlMs: number, private readonly maxDone = 2000) {}

  accept(env: ChunkEnvelope, now: number): Uint8Array | null {
    const id = `${env.s}:${env.k}`;
    if (this.done.has(id)) return null;
    let entry = this.partial.get(id);
    if (!entry) {
      entry = { parts: new Array<string | undefined>(env.n), got: 0, at: now };
      this.partial.set(id, entry);
    }
    if (entry.parts.length !== env.n) throw new Error('chunk count differs within one frame');
    if (entry.parts[env.i] !== undefined) return null;
    const bytes = decodeBase64(env.d); // validate before keeping
    entry.parts[env.i] = env.d;
    entry.got++;
    if (entry.got < env.n) return null;
    this.partial.delete(id);
    this.done.set(id, now);
    if (this.done.size > this.maxDone) this.done.delete(this.done.keys().next().value as string);
    if (env.n === 1) return bytes;
    const pieces = entry.parts.map((p) => decodeBase64(p as string));
    const out = new Uint8Array(pieces.reduce((a, p) => a + p.length, 0));
    let off = 0;
    for (const p of pieces) {
      out.set(p, off);
      off += p.length;
    }
    return out;
  }

  /** Drops partial frames older than the ttl; returns how many were dropped. */
  expire(now: number): number {
    let dropped = 0;
    for (const [id, e] of this.partial) {
      if (now - e.at > this.ttlMs) {
        this.partial.delete(id);
        dropped++;
      }
    }
    return dropped;
  }

  get pendingFrames(): number {
    return this.partial.size;
  }
}

export function fnv1a32(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A 53-bit hash (cyrb53) as hex: digests of whole document states. */
export function hash53(bytes: Uint8Array): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    h1 = Math.imul(h1 ^ b, 2654435761);
    h2 = Math.imul(h2 ^ b, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}
