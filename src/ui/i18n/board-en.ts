/**
 * English words of what the board reports and draws: insertion and board-link errors (by
 * their codes), results frames, a cluster's default label. Spread into en.ts; board-da.ts has
 * exactly the same keys. `{outcome}` is the sentence on what is left (board-words.ts).
 */
import { plural } from './format.js';

export const boardEn = {
  'insert.error.refused': 'Miro refused part of the template. {outcome} Check that you can edit the board, and try again.',
  'insert.error.rate-limited': 'Miro asks the app to wait: too many calls right now. {outcome} Wait a minute, and try again.',
  'insert.error.aborted': 'The insertion was cancelled. {outcome}',
  'insert.error.no-space': 'There was no room on the board for the template. {outcome} Move the view to an empty area, and try again.',
  'insert.error.invalid-layout': 'The template could not be laid out (element “{element}”). {outcome} Please report the fault.',
  'insert.outcome.nothing': 'Nothing was inserted.',
  'insert.outcome.leftBehind': plural(
    'n',
    '{n} item could not be removed again; it is in the template’s frame and can be deleted by hand.',
    '{n} items could not be removed again; they are in the template’s frame and can be deleted by hand.',
  ),

  'board.error.no-selection': 'Select at least one sticky note on the board, and try again.',
  'board.error.private': 'Notes on the plate are never grouped or voted on (they are still visible on the board). Select only notes outside the plate, and try again.',
  'board.error.not-visible': 'The results cannot be shown yet.',
  'board.error.no-room': 'The theme\'s notes do not fit together in their zone. Nothing was moved; they stay where they were written.',
  'board.error.invalid': 'That could not be done.',
  'board.error.refused': 'Miro refused the change. The board is as it was. Check that you can edit the board, and try again.',
  'board.error.rate-limited': 'Miro asks the app to wait: too many calls right now. The board is as it was. Wait a minute, and try again.',
  'board.error.aborted': 'Cancelled. The board is as it was.',
  'board.error.leftBehind': plural(
    'n',
    '({n} item could not be removed again and can be deleted by hand.)',
    '({n} items could not be removed again and can be deleted by hand.)',
  ),

  'board.results.title': 'Results: {question}',
  'board.results.rank.one': '{n}st',
  'board.results.rank.two': '{n}nd',
  'board.results.rank.few': '{n}rd',
  'board.results.rank.other': '{n}th',
  'board.results.tied': 'tied {rank}',
  'board.results.more': '… and {n} more',
  'board.results.voted': '{n} voted',
  'board.results.votedOf': '{n} of {total} voted',
  'board.cluster.label': 'Theme',
  /** A P-IGLO plan row's preparedness cell (Beredskab): part of our preparedness, or not. */
  'board.plan.yes': 'Yes',
  'board.plan.no': 'No',
} as const;
