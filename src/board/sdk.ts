/**
 * The subset of Miro's Web SDK (v2, @mirohq/websdk-types 2.17.x) that Tryghed calls.
 *
 * Everything in the app that talks to Miro goes through an object of this type: in Miro it
 * is the global `miro`, in the sandbox and in tests it is the stand-in host
 * (sandbox/host/). `sdk-check.ts` proves at compile time that the real `Miro` type is
 * assignable to `MiroSdk`, so the stand-in cannot drift into an API Miro does not have.
 *
 * Coordinates follow Miro: x/y are the centre of an item; a child's x/y are relative to
 * its parent frame's top-left corner.
 */
import type { Json, ShapeType } from '@mirohq/websdk-types';
import type { StickyColour } from '../core/miro-rules.js';

export type SdkItemType = 'frame' | 'shape' | 'sticky_note' | 'text';

export interface SdkBaseItem {
  readonly id: string;
  readonly type: string;
  readonly parentId: string | null;
  x: number;
  y: number;
  sync(): Promise<void>;
  getMetadata(key: string): Promise<unknown>;
  setMetadata(key: string, value: Json): Promise<unknown>;
}

export interface SdkStickyNote extends SdkBaseItem {
  readonly type: 'sticky_note';
  width: number;
  height: number;
  shape: 'square' | 'rectangle';
  content: string;
  style: { fillColor: string; textAlign: string; textAlignVertical: string };
}

export interface SdkShape extends SdkBaseItem {
  readonly type: 'shape';
  width: number;
  height: number;
  shape: string;
  content: string;
  style: {
    fillColor: string;
    color: string;
    fontSize: number;
    borderColor: string;
    borderWidth: number;
    textAlign: string;
    textAlignVertical: string;
  };
}

export interface SdkText extends SdkBaseItem {
  readonly type: 'text';
  width: number;
  readonly height: number;
  content: string;
  style: { color: string; fontSize: number; textAlign: string; fillColor: string };
}

export interface SdkFrame extends SdkBaseItem {
  readonly type: 'frame';
  width: number;
  height: number;
  title: string;
  style: { fillColor: string };
  childrenIds: string[];
  /** Resolves to the item passed (Miro's own signature is generic over its item classes, which our subset cannot name). */
  add(item: SdkOtherItem): Promise<SdkOtherItem>;
  remove(item: SdkOtherItem): Promise<void>;
}

export type SdkItem = SdkStickyNote | SdkShape | SdkText | SdkFrame;

/** Any other board item (connector, tag, card, …) the read calls may return: only id and type are ours to rely on. */
export interface SdkOtherItem {
  readonly id: string;
  readonly type: string;
}

/** Shape names Miro accepts (the `ShapeType` enum's values). */
export type SdkShapeName = `${ShapeType}`;

/** Props accepted by the create calls (the subset we set). */
export interface CreateStickyProps {
  content: string;
  x: number;
  y: number;
  width?: number;
  height?: number;
  shape?: 'square' | 'rectangle';
  style?: { fillColor?: StickyColour; textAlign?: 'left' | 'center' | 'right'; textAlignVertical?: 'top' | 'middle' | 'bottom' };
}
export interface CreateShapeProps {
  content?: string;
  shape?: SdkShapeName;
  x: number;
  y: number;
  width: number;
  height: number;
  style?: {
    fillColor?: string;
    color?: string;
    fontSize?: number;
    borderColor?: string;
    borderWidth?: number;
    borderOpacity?: number;
    fillOpacity?: number;
    textAlign?: 'left' | 'center' | 'right';
    textAlignVertical?: 'top' | 'middle' | 'bottom';
  };
}
export interface CreateTextProps {
  content: string;
  x: number;
  y: number;
  width?: number;
  style?: { color?: string; fontSize?: number; textAlign?: 'left' | 'center' | 'right'; fillColor?: string };
}
export interface CreateFrameProps {
  title?: string;
  x: number;
  y: number;
  width: number;
  height: number;
  style?: { fillColor?: string };
}

export interface SdkRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SdkCollection {
  set(key: string, value: Json): Promise<void>;
  get<T extends Json>(key: string): Promise<T | undefined>;
  remove(key: string): Promise<void>;
  onValue<T extends Json = Json>(key: string, handler: (value: T | undefined, version: string) => void): Promise<void>;
  offValue<T extends Json = Json>(key: string, handler: (value: T | undefined, version: string) => void): Promise<void>;
}

/** A person online on the board, as Miro's collaboration calls take them (`OnlineUserInfo`). */
export interface SdkOnlineUser {
  id: string;
  name: string;
}

/** Miro's board timer (`board.timer`; usable where `canUse('timer')`). */
export interface SdkTimerInstance {
  status: 'STARTED' | 'STOPPED' | 'PAUSED';
}
export interface SdkTimer {
  get(): Promise<SdkTimerInstance>;
  start(duration: number): Promise<SdkTimerInstance>;
  stop(): Promise<SdkTimerInstance>;
}

/** A collaboration session the app started (`collaboration.startSession`): the subset we call. */
export interface SdkSession {
  readonly id: string;
  readonly name: string;
  readonly starterId: string;
  invite(...users: SdkOnlineUser[][]): Promise<void>;
  join(): Promise<void>;
  leave(): Promise<void>;
  getUsers(): Promise<Array<{ id: string }>>;
  end(): Promise<void>;
}

/**
 * `board.collaboration` (experimental in Miro): sessions, attention (follow / bring everyone)
 * and moving someone else's view. Every call needs a session this app started; where Miro does
 * not offer it (plan, app not allowed) the calls are refused.
 */
export interface SdkCollaboration {
  readonly attention: {
    follow(followee: SdkOnlineUser, options?: { followers?: SdkOnlineUser[] }): Promise<void>;
    isFollowing(): Promise<boolean>;
    getFollowedUser(): Promise<SdkOnlineUser>;
    unfollow(options?: { followee: SdkOnlineUser; followers: SdkOnlineUser[] }): Promise<void>;
  };
  startSession(props: { name: string; color?: string; description?: string }): Promise<SdkSession>;
  getSessions(): Promise<SdkSession[]>;
  zoomTo(user: SdkOnlineUser, items: SdkBaseItem | SdkBaseItem[]): Promise<void>;
}

export interface MiroSdk {
  board: {
    createStickyNote(props: CreateStickyProps): Promise<SdkStickyNote>;
    createShape(props: CreateShapeProps): Promise<SdkShape>;
    createText(props: CreateTextProps): Promise<SdkText>;
    createFrame(props: CreateFrameProps): Promise<SdkFrame>;
    getById(id: string): Promise<SdkItem | SdkOtherItem>;
    get(filter?: { id?: string | string[]; type?: string | string[] }): Promise<Array<SdkItem | SdkOtherItem>>;
    getSelection(): Promise<Array<SdkItem | SdkOtherItem>>;
    remove(item: SdkBaseItem): Promise<void>;
    findEmptySpace(dimensions: SdkRect & { offset?: number }): Promise<SdkRect>;
    getIdToken(): Promise<string>;
    getUserInfo(): Promise<{ id: string; name: string }>;
    getOnlineUsers(): Promise<Array<{ id: string; name: string }>>;
    getInfo(): Promise<{ id: string; locale: string }>;
    /** Miro knows 'timer' and 'voting' only (`BoardFeature`). */
    canUse(feature: 'timer' | 'voting'): Promise<boolean>;
    viewport: {
      get(): Promise<SdkRect>;
      zoomTo(items: SdkBaseItem | SdkBaseItem[]): Promise<void>;
    };
    events: {
      broadcast(event: string, payload?: Json): Promise<void>;
      on(event: string, handler: (payload: any) => void): Promise<void>;
      off(event: string, handler: (payload: any) => void): Promise<void>;
    };
    storage: { collection(name: string): SdkCollection };
    /** Shown to this user only; at most 80 characters (MAX_NOTIFICATION_CHARS). */
    notifications: { showInfo(message: string): Promise<void> };
    timer: SdkTimer;
    collaboration: SdkCollaboration;
    ui: {
      openPanel(options: { url: string; height?: number }): Promise<unknown>;
      on(event: string, handler: (event: any) => void): void;
      off(event: string, handler: (event: any) => void): void;
    };
  };
}
