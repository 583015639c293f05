/**
 * English strings of the app shell (tabs, sync status and settings, session start).
 * Spread into en.ts; shell-da.ts has exactly the same keys.
 */
export const shellEn = {
  'shell.tabs': 'Tryghed sections',
  'shell.tab.templates': 'Templates',
  'shell.tab.group': 'Group',
  'shell.tab.vote': 'Vote',
  'shell.tab.rounds': 'Run rounds',
  'shell.tab.results': 'Results',
  'shell.tab.plan': 'Plan',
  'shell.session.connecting': 'Connecting to the workshop session …',
  'shell.session.failed': 'The workshop session could not start. Close the panel and open it again.',
  'shell.notStarted': 'No workshop session has started yet. Whoever starts it runs the vote rounds.',
  'shell.start': 'Start workshop session',
  'shell.started': 'The workshop session has started. You run the rounds.',

  'shell.sync.miro.synced': 'Shared through Miro',
  'shell.sync.server.synced': 'Shared through the sync server',
  'shell.sync.miro.connecting': 'Connecting through Miro …',
  'shell.sync.server.connecting': 'Connecting to the sync server …',
  'shell.sync.miro.offline': 'Not connected. Your changes are kept and shared when the connection is back.',
  'shell.sync.server.signInFailed': 'The sync server did not let this panel sign in. The facilitator can check its address under Run rounds, or switch back to Miro.',
  'shell.sync.server.offline': 'The sync server cannot be reached. Your changes are kept and shared when it is back.',

  'shell.scope.notes': 'Every sticky note written on the board',
  'shell.scope.clusters': 'The clusters',
  'shell.scope.selection': 'The selected sticky notes',
  'shell.scope.template': 'The whole template',

  'sync.title': 'How the session is shared',
  'sync.intro': 'Applies to everyone on this board. Each way keeps its own copy of the session.',
  'sync.mode': 'Share through',
  'sync.mode.miro': 'Miro (no server)',
  'sync.mode.miro.hint': 'Everyone on the board is trusted; nothing leaves Miro.',
  'sync.mode.server': 'Our own sync server',
  'sync.mode.server.hint': 'Votes are checked by the server; sealed rounds are possible.',
  'sync.url': 'Server address',
  'sync.urlHint': 'For example wss://tryghed.example.org',
  'sync.save': 'Save',
  'sync.saved': 'Saved. Every panel on the board now shares the session this way.',
  'sync.error.empty': 'Enter the server’s address.',
  'sync.error.scheme': 'The address starts with wss:// (or ws:// on this computer).',
  'sync.error.invalid': 'That is not a valid address.',
  'sync.error.save': 'The setting could not be saved. Try again.',
} as const;
