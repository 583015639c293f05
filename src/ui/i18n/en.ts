/**
 * English UI strings. This table defines the keys; da.ts must have exactly the same ones
 * (checked by the compiler and by test/ui/i18n.test.ts). `{name}` marks a parameter.
 */
import type { Message } from './format.js';
import { boardEn } from './board-en.js';
import type { NoticeKey } from './notice-en.js';
import type { WorkshopKey } from './workshop-en.js';
import type { SessionKey } from './session-en.js';
import { shellEn } from './shell-en.js';
import type { SuggestKey } from './suggest-en.js';
import type { PulseKey } from './pulse-en.js';
import type { EndKey } from './end-en.js';
import type { StatusKey } from './status-en.js';
export const en = {
  'app.title': 'Tryghed',
  'app.intro': 'Choose a template for today’s workshop. It is placed on the board in free space near what you are looking at.',
  'app.connecting': 'Connecting to the board …',
  'app.noBoard': 'The app could not reach the board. Close the panel and open it again from the app icon.',

  'lang.label': 'Language',
  'lang.da': 'Dansk',
  'lang.en': 'English',

  'list.label': 'Workshop templates',
  'list.step': 'Step {n}',
  'list.private': 'Personal · never counted',
  'list.insert': 'Insert',
  'list.insertLabel': 'Insert {title} on the board',
  'list.busy': 'Wait until the current template is on the board.',

  'preview.label': 'Preview of {title}',

  'progress.label': 'Inserting {title}',
  'progress.starting': 'Finding free space on the board …',
  'progress.count': 'Inserting {done} of {total} …',
  'progress.cancel': 'Stop and remove',

  'done.message': '{title} is on the board. The view has moved to it.',
  'done.dismiss': 'Close message',

  'already.message': '{title} is on the board already.',
  'already.go': 'Go to it',
  'already.again': 'Insert another copy',
  'already.dismiss': 'Cancel',
  'error.title': '{title} was not inserted',
  'error.retry': 'Try again',
  'error.dismiss': 'Close message',

  'error.unknown.what': 'Something unexpected went wrong.',
  'error.unknown.todo': 'Try again. If it happens again, reload the board.',

  ...boardEn,
  ...shellEn,
} as const;

/** The keys of the first paint's tables (this one, da.ts); the session's own come with it (session-strings.ts). */
export type FirstPaintKey = keyof typeof en;
export type MessageKey = FirstPaintKey | SessionKey | SuggestKey | NoticeKey | PulseKey | WorkshopKey | EndKey | StatusKey;
export type Messages = Record<MessageKey, Message>;
