/** The session model: plain functions over one Y.Doc per board. */
export * from './types.js';
export * from './schema.js';
export * from './ids.js';
export * from './read.js';
export * from './roles.js';
export * from './clusters.js';
export * from './targets.js';
export * from './rounds.js';
export * from './ballots.js';
export * from './tally.js';
export * from './plan.js';
export * from './voting.js';
export * from './vote-rules.js';
export * from './local-vote-service.js';
export * from './presence.js';
export type * from './commands.js';
export * from './apply-command.js';
export * from './local-control.js';
