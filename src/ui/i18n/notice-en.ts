/**
 * English words of the data notice (data-notice.ts): what the app keeps, where, for how long,
 * who can see it, how it goes. notice-da.ts has the same keys. Every sentence here must stay
 * exactly what the app does (test/ui/mode-words.test.ts holds the votes' facts to the README).
 */
export const noticeEn = {
  'notice.title': 'Your data in Tryghed',
  'notice.intro': 'What the app keeps, where, for how long, who can see it, and how it goes.',
  'notice.mode.miro': 'This board shares its workshop session through Miro.',
  'notice.mode.server': 'This board shares its workshop session through a sync server.',
  'notice.session.title': 'The shared session',
  'notice.session': 'Themes, vote rounds, the votes of named and anonymous rounds and the plan are kept with the board. Without a sync server they are kept in this board’s app storage in Miro and sent between the panels of the people on the board; with a sync server they are kept on that server. Everyone on the board who opens the app can read them.',
  'notice.session.kept': 'In Miro they stay until the facilitator ends the session and deletes its data (under “Run rounds”), or the board is deleted; only a mark without content or names stays, so that an old copy cannot bring the session back. On a sync server they are deleted when the facilitator does so, or once nobody has opened the board for 90 days (whoever runs the server can change the number of days), or sooner if they delete them.',
  'notice.votes.title': 'Votes',
  'notice.votes.named': 'Named: stored under your Miro user; everyone on the board can see who voted for what.',
  'notice.votes.anonymous': 'Anonymous: stored without your name or user. Without a sync server, the random key that finds your own ballot stays on this device; with one, the server issues your key, so whoever runs the server can tell whose ballot is whose.',
  'notice.votes.sealed': 'Sealed (sync server only): stored in the server’s database under your Miro user; only totals reach the board, and whoever runs the server can see the ballots.',
  'notice.pulse': 'Psychological safety pulse: a pulse run without a sync server is anonymous: your answers are kept in the shared session without your name or user, under a random key kept on this device (if the board later uses a sync server, under the key the server issues you for that pulse, so whoever runs the server can tell whose answers they are). A pulse run with a sync server is sealed: your answers are kept only in the server’s database under your Miro user, and whoever runs the server can see them. Only averages and counts are shown.',
  'notice.plate.title': 'Your plate',
  'notice.plate': 'Kept only in this browser on this device. Delete an answer under “My plate”, or clear this site’s data in the browser, and it is gone; when the facilitator ends the session, a panel open at that moment deletes it too. A copy you put on the board is an ordinary sticky note.',
  'notice.board.title': 'The board',
  'notice.board': 'Sticky notes and everything else on the board are Miro’s: everyone on the board can see them, and they stay until someone deletes them on the board.',
  'notice.device': 'This device also remembers your language, the keys of your anonymous ballots (deleted with the plate when the session ends while your panel is open) and that you have read this notice.',
  'notice.close': 'Understood',
} as const;

export type NoticeKey = keyof typeof noticeEn;
