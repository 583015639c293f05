/**
 * The one message schema between the sandbox host and an app instance (an iframe, or an
 * in-process SDK in tests). Calls carry plain data only: items travel by id, results come back
 * as ItemData, errors as ErrorData (message, code, status survive). The host pushes realtime
 * events, storage changes and UI events.
 */
import type { Json } from '@mirohq/websdk-types';
import type { ErrorData } from './errors.js';
import type { ItemData } from './model.js';

export type { ItemData } from './model.js';
export type { ErrorData } from './errors.js';

export interface Rect4 {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface UserData {
  id: string;
  name: string;
}
/** A collaboration session as plain data (sdk-proxy.ts rebuilds the object with its methods). */
export interface SessionData {
  id: string;
  name: string;
  description: string;
  color: string;
  starterId: string;
  starterName: string;
}
export interface TimerData {
  status: 'STARTED' | 'STOPPED' | 'PAUSED';
  remainingMs?: number;
}

/** Every method the host serves: its argument tuple and its plain-data result. */
export interface Methods {
  'board.createStickyNote': { args: [props: unknown]; result: ItemData };
  'board.createShape': { args: [props: unknown]; result: ItemData };
  'board.createText': { args: [props: unknown]; result: ItemData };
  'board.createFrame': { args: [props: unknown]; result: ItemData };
  'board.getById': { args: [id: string]; result: ItemData };
  'board.get': { args: [filter?: { id?: string | string[]; type?: string | string[] }]; result: ItemData[] };
  'board.getSelection': { args: []; result: ItemData[] };
  'board.remove': { args: [id: string]; result: null };
  'board.findEmptySpace': { args: [dimensions: Rect4 & { offset?: number }]; result: Rect4 };
  'board.getIdToken': { args: []; result: string };
  'board.getUserInfo': { args: []; result: { id: string; name: string } };
  'board.getOnlineUsers': { args: []; result: Array<{ id: string; name: string }> };
  'board.getInfo': { args: []; result: { id: string; locale: string; createdAt: string; updatedAt: string } };
  'board.canUse': { args: [feature: string]; result: boolean };
  'item.sync': { args: [id: string, fields: Record<string, unknown>]; result: ItemData };
  'item.getMetadata': { args: [id: string, key?: string]; result: Json | undefined };
  'item.setMetadata': { args: [id: string, key: string, value: Json]; result: Record<string, Json> };
  'frame.add': { args: [frameId: string, itemId: string]; result: { frame: ItemData; item: ItemData } };
  'frame.remove': { args: [frameId: string, itemId: string]; result: { frame: ItemData; item: ItemData } };
  'viewport.get': { args: []; result: Rect4 };
  'viewport.zoomTo': { args: [ids: string[]]; result: null };
  'events.broadcast': { args: [event: string, payload?: Json]; result: null };
  'storage.get': { args: [collection: string, key: string]; result: Json | undefined };
  'storage.set': { args: [collection: string, key: string, value: Json]; result: null };
  'storage.remove': { args: [collection: string, key: string]; result: null };
  'ui.openPanel': { args: [options: { url: string; height?: number }]; result: null };
  'notifications.showInfo': { args: [message: string]; result: null };
  'timer.get': { args: []; result: TimerData };
  'timer.start': { args: [duration: number]; result: TimerData };
  'timer.stop': { args: []; result: TimerData };
  'collaboration.startSession': { args: [props: { name: string; color?: string; description?: string }]; result: SessionData };
  'collaboration.getSessions': { args: []; result: SessionData[] };
  'collaboration.zoomTo': { args: [user: UserData, ids: string[]]; result: null };
  'session.invite': { args: [sessionId: string, users: UserData[]]; result: null };
  'session.join': { args: [sessionId: string]; result: null };
  'session.leave': { args: [sessionId: string]; result: null };
  'session.getUsers': { args: [sessionId: string]; result: Array<{ id: string }> };
  'session.end': { args: [sessionId: string]; result: null };
  'attention.follow': { args: [followee: UserData, options?: { followers?: UserData[] }]; result: null };
  'attention.unfollow': { args: [options?: { followee: UserData; followers: UserData[] }]; result: null };
  'attention.isFollowing': { args: []; result: boolean };
  'attention.getFollowedUser': { args: []; result: UserData };
}
export type MethodName = keyof Methods;
export type Args<M extends MethodName> = Methods[M]['args'];
export type Result<M extends MethodName> = Methods[M]['result'];

export const METHOD_NAMES: readonly MethodName[] = [
  'board.createStickyNote', 'board.createShape', 'board.createText', 'board.createFrame', 'board.getById',
  'board.get', 'board.getSelection', 'board.remove', 'board.findEmptySpace', 'board.getIdToken',
  'board.getUserInfo', 'board.getOnlineUsers', 'board.getInfo', 'board.canUse', 'item.sync',
  'item.getMetadata', 'item.setMetadata', 'frame.add', 'frame.remove', 'viewport.get', 'viewport.zoomTo',
  'events.broadcast', 'storage.get', 'storage.set', 'storage.remove', 'ui.openPanel',
  'notifications.showInfo', 'timer.get', 'timer.start', 'timer.stop', 'collaboration.startSession',
  'collaboration.getSessions', 'collaboration.zoomTo', 'session.invite', 'session.join', 'session.leave',
  'session.getUsers', 'session.end', 'attention.follow', 'attention.unfollow', 'attention.isFollowing',
  'attention.getFollowedUser',
] satisfies MethodName[];
// Exhaustive: a method added to Methods but not to the list fails here.
const _exhaustive: Record<MethodName, true> = Object.fromEntries(METHOD_NAMES.map((m) => [m, true])) as Record<
  (typeof METHOD_NAMES)[number],
  true
>;
void _exhaustive;

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && (METHOD_NAMES as readonly string[]).includes(value);
}

/** Events the host pushes to an app instance. */
export type Push =
  | { channel: 'event'; name: string; payload: Json | undefined }
  | { channel: 'storage'; collection: string; key: string; value: Json | undefined; version: string }
  | { channel: 'ui'; name: 'icon:click' }
  | { channel: 'ui'; name: 'selection:update' | 'items:create' | 'items:delete' | 'experimental:items:update'; items: ItemData[] }
  | { channel: 'ui'; name: 'online_users:update'; users: Array<{ id: string; name: string }> };

/** Tag on every wire message, so the sandbox ignores other postMessage traffic (Vite, devtools). */
export const WIRE = 'tryghed-sandbox/1';

export type ClientMessage =
  | { wire: typeof WIRE; kind: 'hello'; user: string }
  | { wire: typeof WIRE; kind: 'call'; id: number; method: MethodName; args: unknown[] }
  | { wire: typeof WIRE; kind: 'bye' };

export type HostMessage =
  | { wire: typeof WIRE; kind: 'welcome'; user: string; instanceId: string }
  | { wire: typeof WIRE; kind: 'result'; id: number; ok: true; value: unknown }
  | { wire: typeof WIRE; kind: 'result'; id: number | null; ok: false; error: ErrorData }
  | { wire: typeof WIRE; kind: 'push'; push: Push };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isWireMessage(v: unknown): v is { wire: string; kind: string } {
  return isObject(v) && v.wire === WIRE && typeof v.kind === 'string';
}

/** Parse a message from an app instance; the reason says what is wrong with a malformed one. */
export function parseClientMessage(v: unknown): { ok: true; message: ClientMessage } | { ok: false; reason: string; id: number | null } {
  if (!isObject(v)) return { ok: false, reason: 'message is not an object', id: null };
  if (v.wire !== WIRE) return { ok: false, reason: `message wire tag is not "${WIRE}"`, id: null };
  const id = typeof v.id === 'number' && Number.isSafeInteger(v.id) ? v.id : null;
  switch (v.kind) {
    case 'hello':
      if (typeof v.user !== 'string' || v.user === '') return { ok: false, reason: 'hello needs a non-empty "user"', id };
      return { ok: true, message: { wire: WIRE, kind: 'hello', user: v.user } };
    case 'bye':
      return { ok: true, message: { wire: WIRE, kind: 'bye' } };
    case 'call':
      if (id === null) return { ok: false, reason: 'call needs an integer "id"', id };
      if (!isMethodName(v.method)) return { ok: false, reason: `unknown method ${JSON.stringify(v.method)}`, id };
      if (!Array.isArray(v.args)) return { ok: false, reason: 'call needs an "args" array', id };
      return { ok: true, message: { wire: WIRE, kind: 'call', id, method: v.method, args: v.args } };
    default:
      return { ok: false, reason: `unknown message kind ${JSON.stringify(v.kind)}`, id };
  }
}

export function isHostMessage(v: unknown): v is HostMessage {
  return isWireMessage(v) && ['welcome', 'result', 'push'].includes(v.kind);
}
