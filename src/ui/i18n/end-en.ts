/**
 * English words of ending a session and deleting its data (ui/session/end-session.ts). Each
 * line says exactly what the app does (actions/end-session.ts, server/ended.ts,
 * sync/snapshot-store.ts erase, app/session.ts). end-da.ts has the same keys.
 */
export const endEn = {
  'end.title': 'End the session and delete its data',
  'end.open': 'End session and delete its data…',
  'end.confirmTitle': 'End the session and delete its data?',
  'end.deleted': 'Deleted, for everyone on the board:',
  'end.deleted.miro': 'the shared session as this board’s app storage in Miro keeps it: themes, vote rounds, every vote, the pulse answers, the plan and the workshop’s steps;',
  'end.deleted.server': 'everything the sync server keeps of this board’s session: its documents (themes, vote rounds, the votes of named and anonymous rounds, the plan, the workshop’s steps), the facilitator’s seat, the sealed ballots and the pulse answers;',
  'end.deleted.panels': 'the copy in every panel open now, with the plate answers and the anonymous ballot keys those panels keep on their devices for this board.',
  'end.kept': 'What stays:',
  'end.kept.board': 'sticky notes, frames, results and pulse frames and everything else on the board: they are the board’s, and you can delete them in Miro;',
  'end.kept.devices': 'plate answers and ballot keys on the devices of people whose panel is closed now (each can delete their plate under »My plate«), and files anyone exported;',
  'end.kept.mark.miro': 'a mark in the board’s app storage that the session ended, without content or names (only the sync ids that wrote it), so that an old copy cannot bring it back.',
  'end.kept.mark.server': 'a record on the sync server that the session ended, without content or names (only the sync ids that wrote it), so that an old copy cannot bring it back.',
  'end.undo': 'This cannot be undone. Export the results, the pulse and the plan first if you need them.',
  'end.confirm': 'Yes, end and delete',
  'end.cancel': 'Cancel',
  'end.working': 'Ending the session and deleting its data…',
  'end.failed': 'Not everything was deleted: {reason}',
  'end.ended.title': 'The session has ended',
  'end.ended': 'The facilitator ended the session at {time} and deleted its data: the shared session, and what this device kept for it on this board (your plate answers and anonymous ballot keys). Sticky notes and frames on the board stay.',
  'end.restart': 'Start a new session',
} as const;

export type EndKey = keyof typeof endEn;
