/**
 * What the panel says about ending a session is what the app does: the data notice names the
 * facilitator's end in both languages, the confirmation names what each mode deletes and that
 * the board's notes stay, and the README's table says the same per mode. (The deletions
 * themselves: test/server/end-session.test.ts, test/sync/miro-transport.end.test.ts,
 * test/browser/end-session.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { endDa } from '../../src/ui/i18n/end-da.js';
import { endEn } from '../../src/ui/i18n/end-en.js';
import { noticeDa } from '../../src/ui/i18n/notice-da.js';
import { noticeEn } from '../../src/ui/i18n/notice-en.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('the words about ending a session', () => {
  it('the data notice says the facilitator can end the session and delete its data, and what the plate and keys do then', () => {
    expect(noticeEn['notice.session.kept']).toMatch(/facilitator ends the session and deletes its data/);
    expect(noticeDa['notice.session.kept']).toMatch(/facilitatoren afslutter sessionen og sletter dens data/);
    for (const n of [noticeEn, noticeDa]) expect(n['notice.session.kept']).toMatch(/90/);
    expect(noticeEn['notice.plate']).toMatch(/ends the session/);
    expect(noticeDa['notice.plate']).toMatch(/afslutter sessionen/);
  });

  it('the confirmation names each mode’s deletions, what stays on the board and the mark', () => {
    expect(endEn['end.deleted.server']).toMatch(/seat.*sealed ballots.*pulse answers/);
    expect(endDa['end.deleted.server']).toMatch(/facilitatorpladsen.*forseglede stemmesedler.*pulssvarene/);
    expect(endEn['end.deleted.miro']).toMatch(/app storage in Miro/);
    expect(endEn['end.kept.board']).toMatch(/sticky notes, frames/);
    expect(endDa['end.kept.board']).toMatch(/sedler, rammer/);
    for (const e of [endEn, endDa]) {
      expect(e['end.kept.mark.miro']).toMatch(/(without content or names|uden indhold og navne)/);
      expect(e['end.kept.mark.server']).toMatch(/(without content or names|uden indhold og navne)/);
    }
  });

  it('the README’s table says the same, per mode', () => {
    const section = README.slice(README.indexOf('## Ending a session and deleting its data'), README.indexOf('## Benchmarks'));
    expect(section).toMatch(/\*\*Miro mode\*\* \| the session's snapshot in the board's app storage/);
    expect(section).toMatch(/the seat, the rounds, every sealed ballot, the pulse answers/);
    expect(section).toMatch(/ended_sessions/);
    expect(section).toMatch(/sticky notes, frames/);
    expect(section).toMatch(/plate's answers and the anonymous ballot and pulse keys/);
  });
});
