/**
 * What Miro's Web SDK (2.17.x) accepts, in one place: the template schema, the layout,
 * the Web SDK board and the sandbox's refusals all check against these.
 */
export const STICKY_COLOURS = [
  'gray', 'light_yellow', 'yellow', 'orange', 'light_green', 'green', 'dark_green', 'cyan',
  'light_pink', 'pink', 'violet', 'red', 'light_blue', 'blue', 'dark_blue', 'black',
] as const;
export type StickyColour = (typeof STICKY_COLOURS)[number];

export const STICKY_SHAPES = ['square', 'rectangle'] as const;
export type StickyShape = (typeof STICKY_SHAPES)[number];

/** Tags that survive in sticky, shape and text content; Miro strips the rest. */
export const ALLOWED_CONTENT_TAGS = ['p', 'a', 'strong', 'b', 'em', 'i', 'u', 's', 'br'] as const;
export const MAX_CONTENT_CHARS = 6000;
export const MIN_FRAME_SIZE = 100;
/** Item metadata: ids and markers only. */
export const MAX_METADATA_BYTES = 256;
export const MAX_APP_DATA_BYTES = 512;

/** Board units; Miro's own limits for widget sizes. */
export const MIN_ITEM_SIZE = 8;
export const MAX_ITEM_SIZE = 25_000;

/** Height of a sticky note for a given width (Miro keeps the aspect; width OR height is set). */
export const STICKY_ASPECT: Record<StickyShape, number> = { square: 228 / 199, rectangle: 228 / 350 };

/** Credits: most calls cost 50; the hourly cap binds first. */
export const CREDITS_PER_CALL = 50;
export const CREDITS_PER_MINUTE = 100_000;
export const CREDITS_PER_HOUR = 1_000_000;

/** `notifications.showInfo`: at most 80 characters, spaces included. */
export const MAX_NOTIFICATION_CHARS = 80;

export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

export function isStickyColour(value: unknown): value is StickyColour {
  return typeof value === 'string' && (STICKY_COLOURS as readonly string[]).includes(value);
}
