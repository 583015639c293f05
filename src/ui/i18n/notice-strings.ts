/**
 * The data notice's words, in both languages. The shell may show the notice as the session
 * opens (the first time on a device), so these tables load with the session, apart from the
 * session panels' (session-strings.ts), which load with the first session tab.
 */
import type { Lang } from '../../core/lang.js';
import type { Message } from './format.js';
import { noticeDa } from './notice-da.js';
import { noticeEn, type NoticeKey } from './notice-en.js';
import { addMessages } from './t.js';

export const NOTICE_MESSAGES: Record<Lang, Record<NoticeKey, Message>> = { da: noticeDa, en: noticeEn };
addMessages(NOTICE_MESSAGES);

export { t, type MessageKey } from './t.js';
