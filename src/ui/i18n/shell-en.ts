/**
 * English strings of the app shell at first paint (its tabs, the session loading). Spread
 * into en.ts; shell-da.ts has exactly the same keys. The session's status line comes with the
 * session (status-en.ts), the round scopes and the sync setting with their tabs (session-en.ts).
 */
export const shellEn = {
  'shell.tabs': 'Tryghed sections',
  'shell.tab.workshop': 'Workshop',
  'shell.tab.templates': 'Templates',
  'shell.tab.group': 'Group',
  'shell.tab.vote': 'Vote',
  'shell.tab.rounds': 'Run rounds',
  'shell.tab.results': 'Results',
  'shell.tab.plan': 'Plan',
  'shell.notice': 'About your data',
  'shell.tab.plate': 'My plate',
  'shell.tab.pulse': 'Pulse',
  'shell.session.connecting': 'Connecting to the workshop session …',
  'shell.session.failed': 'The workshop session could not start. Close the panel and open it again.',
} as const;
