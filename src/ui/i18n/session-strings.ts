/**
 * The session panels' and the suggestion engine's strings, in both languages. They load with
 * the session's chunk, not the first paint: the session panels import `t` from here, so the
 * tables are in place before any of them renders.
 */
import type { Lang } from '../../core/lang.js';
import type { Message } from './format.js';
import { noticeDa } from './notice-da.js';
import { noticeEn, type NoticeKey } from './notice-en.js';
import { sessionDa } from './session-da.js';
import { sessionEn, type SessionKey } from './session-en.js';
import { pulseDa } from './pulse-da.js';
import { pulseEn, type PulseKey } from './pulse-en.js';
import { suggestDa } from './suggest-da.js';
import { suggestEn, type SuggestKey } from './suggest-en.js';
import { addMessages } from './t.js';
import { endDa } from './end-da.js';
import { endEn, type EndKey } from './end-en.js';
import { workshopDa } from './workshop-da.js';
import { workshopEn, type WorkshopKey } from './workshop-en.js';
import { statusDa } from './status-da.js';
import { statusEn, type StatusKey } from './status-en.js';

export const SESSION_MESSAGES: Record<Lang, Record<SessionKey | SuggestKey | NoticeKey | PulseKey | WorkshopKey | EndKey | StatusKey, Message>> = {
  da: { ...sessionDa, ...suggestDa, ...noticeDa, ...pulseDa, ...workshopDa, ...endDa, ...statusDa },
  en: { ...sessionEn, ...suggestEn, ...noticeEn, ...pulseEn, ...workshopEn, ...endEn, ...statusEn },
};
addMessages(SESSION_MESSAGES);

export { t, type MessageKey } from './t.js';
