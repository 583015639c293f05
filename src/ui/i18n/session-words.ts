/**
 * The words the session shows on every tab, one language at a time: the run sheet's and the
 * seat's (the lead notice, the step bar: workshop-*.ts), the data notice's (notice-*.ts), the
 * ended session's (end-*.ts) and the status line's (who is here, sync, saving: status-*.ts).
 * The shell loads the panel's language as the session opens and the other one before it
 * switches, so no key shows meanwhile. The session panels' tables (session-strings.ts) carry
 * these too, in both languages, and check that the two languages have the same keys.
 */
import type { Lang } from '../../core/lang.js';
import type { Messages } from './en.js';
import { addMessages } from './t.js';

const TABLES: Record<Lang, () => Promise<Partial<Messages>>> = {
  da: async () => {
    const [w, n, e, s] = await Promise.all([import('./workshop-da.js'), import('./notice-da.js'), import('./end-da.js'), import('./status-da.js')]);
    return { ...w.workshopDa, ...n.noticeDa, ...e.endDa, ...s.statusDa };
  },
  en: async () => {
    const [w, n, e, s] = await Promise.all([import('./workshop-en.js'), import('./notice-en.js'), import('./end-en.js'), import('./status-en.js')]);
    return { ...w.workshopEn, ...n.noticeEn, ...e.endEn, ...s.statusEn };
  },
};

const loading = new Map<Lang, Promise<void>>();

/** Loads `lang`'s words once; a failed load is tried again on the next call. */
export function loadSessionWords(lang: Lang): Promise<void> {
  let p = loading.get(lang);
  if (!p) {
    p = TABLES[lang]().then((table) => addMessages({ [lang]: table }));
    p.catch(() => loading.delete(lang));
    loading.set(lang, p);
  }
  return p;
}
