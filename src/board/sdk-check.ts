/**
 * Compile-time proof that Miro's real SDK type (`Miro` from @mirohq/websdk-types) is
 * assignable to our subset `MiroSdk`, member by member (so an error names the member) and as
 * a whole. If Miro's types change, or someone widens `MiroSdk` into an API Miro does not
 * have, `tsc --noEmit` fails here. Nothing in this file runs.
 */
import type { Miro, StickyNoteColor, ShapeType, Frame, StickyNote, Shape, Text } from '@mirohq/websdk-types';
import type { MiroSdk, SdkFrame, SdkStickyNote, SdkShape, SdkText, SdkShapeName } from './sdk.js';
import type { StickyColour, StickyShape } from '../core/miro-rules.js';

type Real = Miro['board'];
type Ours = MiroSdk['board'];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const yes = <T extends true>(): T => true as T;

export type Checks = [
  // Create calls: our props are accepted by Miro, and Miro's items satisfy our item types.
  Real['createStickyNote'] extends Ours['createStickyNote'] ? true : never,
  Real['createShape'] extends Ours['createShape'] ? true : never,
  Real['createText'] extends Ours['createText'] ? true : never,
  Real['createFrame'] extends Ours['createFrame'] ? true : never,
  // Reads, removal, board info.
  Real['getById'] extends Ours['getById'] ? true : never,
  Real['get'] extends Ours['get'] ? true : never,
  Real['getSelection'] extends Ours['getSelection'] ? true : never,
  Real['remove'] extends Ours['remove'] ? true : never,
  Real['findEmptySpace'] extends Ours['findEmptySpace'] ? true : never,
  Real['getIdToken'] extends Ours['getIdToken'] ? true : never,
  Real['getUserInfo'] extends Ours['getUserInfo'] ? true : never,
  Real['getOnlineUsers'] extends Ours['getOnlineUsers'] ? true : never,
  Real['getInfo'] extends Ours['getInfo'] ? true : never,
  Real['canUse'] extends Ours['canUse'] ? true : never,
  // Namespaces.
  Real['viewport'] extends Ours['viewport'] ? true : never,
  Real['events'] extends Ours['events'] ? true : never,
  Real['storage'] extends Ours['storage'] ? true : never,
  Real['ui'] extends Ours['ui'] ? true : never,
  Real['notifications'] extends Ours['notifications'] ? true : never,
  Real['timer'] extends Ours['timer'] ? true : never,
  Real['collaboration'] extends Ours['collaboration'] ? true : never,
  // Items on their own (frame.add/remove included).
  StickyNote extends SdkStickyNote ? true : never,
  Shape extends SdkShape ? true : never,
  Text extends SdkText ? true : never,
  Frame extends SdkFrame ? true : never,
  // The whole object.
  Miro extends MiroSdk ? true : never,
];

// Direct assignments as well: a failing `extends` above would silently yield `never`, these do not.
declare const real: Miro;
export const whole: MiroSdk = real;
export const checks: Checks = [
  yes(), yes(), yes(), yes(), yes(), yes(), yes(), yes(), yes(), yes(), yes(), yes(), yes(), yes(),
  yes(), yes(), yes(), yes(), yes(), yes(), yes(), yes(), yes(), yes(), yes(), yes(),
];

// Our rule lists are exactly Miro's enums.
export const colours: Same<StickyColour, `${StickyNoteColor}`> = yes();
export const shapes: Same<SdkShapeName, `${ShapeType}`> = yes();
export const stickyShapes: Same<StickyShape, StickyNote['shape']> = yes();
