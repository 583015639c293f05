/**
 * From the layout's planned items (absolute, top-left) to the Web SDK's create props
 * (centre coordinates). Children are created inside the frame's bounds with absolute
 * coordinates and attached afterwards (frame.add does not move them). Sticky notes and
 * text get a width only: Miro derives the height and refuses both.
 */
import { overlaps, type Rect } from '../core/geometry.js';
import type { PlannedFrame, PlannedItem } from '../core/layout/types.js';
import type { CreateFrameProps, CreateShapeProps, CreateStickyProps, CreateTextProps, SdkShapeName } from './sdk.js';

export type CreateCall =
  | { kind: 'frame'; props: CreateFrameProps }
  | { kind: 'sticky'; props: CreateStickyProps }
  | { kind: 'shape'; props: CreateShapeProps }
  | { kind: 'text'; props: CreateTextProps };

export function shiftRect(r: Rect, dx: number, dy: number): Rect {
  return { x: r.x + dx, y: r.y + dy, width: r.width, height: r.height };
}

export function frameProps(item: PlannedFrame, rect: Rect): CreateFrameProps {
  return { title: item.title, ...centreOf(rect), width: rect.width, height: rect.height, style: { fillColor: item.fill } };
}

/** The create call for `item` placed at `rect` (absolute, top-left). */
export function createCall(item: PlannedItem, rect: Rect): CreateCall {
  const c = centreOf(rect);
  switch (item.kind) {
    case 'frame':
      return { kind: 'frame', props: frameProps(item, rect) };
    case 'sticky':
      return {
        kind: 'sticky',
        props: { content: item.content, ...c, width: rect.width, shape: item.shape, style: { fillColor: item.colour } },
      };
    case 'shape':
      return {
        kind: 'shape',
        props: {
          content: item.content,
          shape: item.shape as SdkShapeName,
          ...c,
          width: rect.width,
          height: rect.height,
          style: {
            fillColor: item.fill,
            color: item.textColour,
            fontSize: item.fontSize,
            // Zone labels sit at the top of their area; Miro centres shape text by default.
            ...(item.verticalAlign ? { textAlignVertical: item.verticalAlign } : {}),
            ...(item.border ? { borderColor: item.border, borderWidth: 2 } : {}),
          },
        },
      };
    case 'text':
      return {
        kind: 'text',
        props: { content: item.content, ...c, width: rect.width, style: { color: item.colour, fontSize: item.fontSize, textAlign: item.align } },
      };
  }
}

function centreOf(r: Rect): { x: number; y: number } {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/**
 * Creation order that matters: Miro stacks items in the order they are created, so an item
 * must be created after every earlier item it overlaps (a card after its zone). Items that
 * do not overlap may be created in parallel. Returns, per index, the earlier indices it waits for.
 */
export function stackingDependencies(rects: readonly Rect[]): number[][] {
  return rects.map((r, i) => {
    const deps: number[] = [];
    for (let j = 0; j < i; j++) if (overlaps(rects[j]!, r)) deps.push(j);
    return deps;
  });
}
