/**
 * English words of the session's status above every tab: who is here, how the session is
 * shared and saved, why the sync server closed the connection, the lead's start, and the
 * signals of a round or a pulse. They load with the session, in the panel's language (session-words.ts);
 * status-da.ts has the same keys.
 */
export const statusEn = {
  'signal.roundOpen': 'Vote now: “{question}”',
  'signal.roundOpenNotice': 'A vote is open: “{question}”. You are on Vote.',
  'signal.roundOpenTyping': 'A vote is open: “{question}”.',
  'signal.goVote': 'Go to Vote',
  'signal.revealed': 'Results: “{question}”',
  'signal.revealedNotice': 'The results of “{question}” are shown. You are on Results.',
  'signal.revealedTyping': 'The results of “{question}” are shown.',
  'signal.goResults': 'Go to Results',
  'signal.pulseOpen': 'Answer the psychological-safety pulse now',
  'signal.pulseOpenNotice': 'A psychological-safety pulse is open. You are on Pulse.',
  'signal.pulseOpenTyping': 'A psychological-safety pulse is open.',
  'signal.goPulse': 'Go to Pulse',
  'signal.pulseRevealed': 'The pulse’s results are shown',
  'signal.pulseRevealedNotice': 'The pulse’s results are shown. You are on Pulse.',
  'signal.pulseRevealedTyping': 'The pulse’s results are shown.',
  'shell.notStarted': 'No workshop session has started yet. Whoever starts it runs the vote rounds.',
  'shell.start': 'Start workshop session',
  'shell.started': 'The workshop session has started. You run the rounds.',
  'presence.title': 'Here now ({n})',
  'presence.you': '{name} (you)',
  'shell.sync.miro.synced': 'Shared through Miro',
  'shell.sync.server.synced': 'Shared through the sync server',
  'shell.sync.miro.connecting': 'Connecting through Miro …',
  'shell.sync.server.connecting': 'Connecting to the sync server …',
  'shell.sync.miro.offline': 'Not connected. Your changes are kept and shared when the connection is back.',
  'shell.sync.server.signInFailed': 'The sync server did not let this panel sign in. The facilitator can check its address under Run rounds, or switch back to Miro.',
  'shell.sync.server.offline': 'The sync server cannot be reached. Your changes are kept and shared when it is back.',
  'shell.save.saving': 'Saving …',
  'shell.save.moment': 'Saved a moment ago',
  'shell.save.at': 'Saved at {time}',
  'shell.save.saved': 'Saved',
  'shell.save.failed': 'Not saved yet. Trying again; your changes stay in this panel meanwhile.',
  'shell.sync.server.refused.boardFull': "This board has reached the sync server's size limit, so your last change was not saved. Remove content you no longer need, or ask whoever runs the server to raise MAX_BOARD_BYTES.",
  'shell.sync.moveFailed': 'The rounds, results and plan did not come along to this way of sharing. They are still where you moved from: switch back to go on with them.',
  'shell.sync.moveFailed.seat': 'The rounds, results and plan did not come along: the sync server has another facilitator for this board. They are still where you moved from: switch back to go on with them, or ask that facilitator to hand the role over to you on the server.',
  'shell.sync.server.refused.rate': 'The sync server closed the connection: this panel sent too much too fast. It reconnects by itself.',
  'shell.sync.server.refused.tooBig': 'The sync server closed the connection: one change was too big to send. It reconnects by itself.',
  'shell.sync.server.refused.malformed': 'The sync server closed the connection: it could not read a message from this panel. It reconnects by itself.',
  'shell.sync.server.refused.unauthorized': 'The sync server closed the connection: the sign-in was refused or ran out. It reconnects by itself.',
  'shell.sync.server.refused.authTimeout': 'The sync server closed the connection: the sign-in took too long. It reconnects by itself.',
  'shell.sync.server.refused.forbidden': 'The sync server closed the connection: this panel sent something only someone else may write (their presence, or changes under their sync id or ballot). It reconnects by itself; if it keeps happening, reload the app.',
  'shell.sync.server.refused.ended': 'The facilitator ended the session and deleted its data on the sync server.',
  'shell.sync.server.refused.ending': 'The previous session is being deleted on the sync server right now. The panel connects again in a moment.',
} as const;

export type StatusKey = keyof typeof statusEn;
