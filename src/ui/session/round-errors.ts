/** Every RoundError code as a message key (the compiler checks none is missed). */
import type { RoundError } from '../../core/session/rounds.js';
import type { MessageKey } from '../i18n/session-strings.js';

export const ROUND_ERRORS: Record<RoundError, MessageKey> = {
  'not-facilitator': 'facil.error.not-facilitator',
  invalid: 'round.error.invalid',
  'no-round': 'facil.error.no-round',
  'wrong-status': 'facil.error.wrong-status',
};
