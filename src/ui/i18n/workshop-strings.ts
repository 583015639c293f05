/**
 * The run sheet's and the seat's words, in both languages. The lead notice and the step bar
 * show on every tab, so these tables load with the session, apart from the session panels'
 * (session-strings.ts), which load with the first session tab.
 */
import type { Lang } from '../../core/lang.js';
import type { Message } from './format.js';
import { addMessages } from './t.js';
import { workshopDa } from './workshop-da.js';
import { workshopEn, type WorkshopKey } from './workshop-en.js';

export const WORKSHOP_MESSAGES: Record<Lang, Record<WorkshopKey, Message>> = { da: workshopDa, en: workshopEn };
addMessages(WORKSHOP_MESSAGES);

export { t, type MessageKey } from './t.js';
