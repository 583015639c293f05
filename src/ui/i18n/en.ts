/**
 * English UI strings. This table defines the keys; da.ts must have exactly the same ones
 * (checked by the compiler and by test/ui/i18n.test.ts). `{name}` marks a parameter.
 */
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
  'progress.rollingBack': 'Something went wrong. Removing what was already created …',

  'done.message': '{title} is on the board. The view has moved to it.',
  'done.dismiss': 'Close message',

  'error.title': '{title} was not inserted',
  'error.cleaned': 'Nothing from this attempt is left on the board.',
  'error.leftovers': '{count} items could not be removed. Select them on the board and delete them.',
  'error.retry': 'Try again',
  'error.dismiss': 'Close message',

  'error.rate_limited.what': 'Miro is receiving too many requests from the app right now.',
  'error.rate_limited.todo': 'Wait a minute and try again.',
  'error.no_space.what': 'There is no free space on the board large enough for the template.',
  'error.no_space.todo': 'Move the view to an empty part of the board, or zoom out, and try again.',
  'error.forbidden.what': 'You are not allowed to add items to this board.',
  'error.forbidden.todo': 'Ask the board owner for edit access, then try again.',
  'error.refused.what': 'Miro refused to create one of the items.',
  'error.refused.todo': 'Try again. If it happens again, reload the board and tell whoever set up the app.',
  'error.network.what': 'The connection to Miro was lost.',
  'error.network.todo': 'Check your internet connection and try again.',
  'error.invalid_template.what': 'The template file is damaged.',
  'error.invalid_template.todo': 'Tell whoever set up the app; the other templates still work.',
  'error.cancelled.what': 'The insertion was stopped.',
  'error.cancelled.todo': 'Click Insert to start again.',
  'error.unknown.what': 'Something unexpected went wrong.',
  'error.unknown.todo': 'Try again. If it happens again, reload the board.',

  'sandbox.title': 'Tryghed sandbox',
  'sandbox.board': 'Board',
  'sandbox.zoomIn': 'Zoom in',
  'sandbox.zoomOut': 'Zoom out',
  'sandbox.zoomFit': 'Show everything',
  'sandbox.appIcon': 'App icon: open panel',
  'sandbox.latency': 'Latency (ms)',
  'sandbox.rateLimit': 'Rate-limit errors',
  'sandbox.failAfter': 'Refuse creation after',
  'sandbox.failAfterOff': 'Off',
  'sandbox.addParticipant': 'Add participant',
  'sandbox.participants': 'Participants',
  'sandbox.facilitator': 'Facilitator',
  'sandbox.participant': 'Participant {n}',
  'sandbox.items': '{count} items on the board',
  'sandbox.clear': 'Clear board',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
