/**
 * The three vote modes are described in several places: the vote panel and the results (the
 * mode's note), the round form (each choice's hint), the data notice, and the README's "How
 * anonymous are votes?". This holds them to one table of facts per mode: every place that
 * describes a mode states the facts it is listed for, in both languages, and the README's
 * paragraph on that mode states all of them. Words a mode must never use (the promises that
 * were not true) are listed too.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Anonymity } from '../../src/core/session/schema.js';
import type { Lang } from '../../src/core/lang.js';
import { SESSION_MESSAGES } from '../../src/ui/i18n/session-strings.js';
import { formOf, type Message } from '../../src/ui/i18n/format.js';

type Key = keyof (typeof SESSION_MESSAGES)['en'];

/** Where each mode is described in the panel. */
const PLACES: Record<Anonymity, readonly Key[]> = {
  named: ['vote.namedNote', 'round.anonymity.named.hint', 'notice.votes.named'],
  anonymous: ['vote.anonymousNote', 'round.anonymity.anonymous.hint', 'notice.votes.anonymous'],
  sealed: ['vote.sealedNote', 'round.anonymity.sealed.hint', 'notice.votes.sealed'],
};

interface Fact {
  fact: string;
  /** The places that state it (default: all of the mode's). */
  in?: readonly Key[];
  da: RegExp;
  en: RegExp;
  readme: RegExp;
}

const FACTS: Record<Anonymity, readonly Fact[]> = {
  named: [
    {
      fact: 'everyone on the board can see who voted for what',
      da: /alle på boardet kan se, hvem der har stemt på hvad/i,
      en: /everyone on the board can see who voted for what/i,
      readme: /Everyone on the board can see who voted for what/,
    },
    {
      fact: 'a ballot is stored under the person',
      da: /gemmes under (dit navn|hver persons navn|din Miro-bruger)/i,
      en: /stored under (your name|each person’s name|your Miro user)/i,
      readme: /ballots are stored under the Miro user id/,
    },
  ],
  anonymous: [
    {
      fact: 'no name is stored with a ballot',
      da: /(intet|dit) navn gemmes (ikke )?med|gemmes uden dit navn/i,
      en: /no name is stored with|stored without your name/i,
      readme: /holds no user id or name for a ballot/,
    },
    {
      fact: 'someone with developer tools can count votes before the results are shown',
      in: ['vote.anonymousNote', 'round.anonymity.anonymous.hint'],
      da: /udviklerværktøjer kan (dog )?tælle stemmerne/i,
      en: /developer tools could (still )?count votes/i,
      readme: /someone with developer tools can count votes before reveal/,
    },
    {
      fact: 'timing can tie a ballot to the device that sent it',
      in: ['vote.anonymousNote'],
      da: /koble en stemmeseddel til din enhed ud fra tidspunktet/i,
      en: /tie a ballot to your device by its timing/i,
      readme: /tie a ballot to the device that sent it by timing/,
    },
    {
      fact: 'the key that finds one’s ballot stays on the device',
      in: ['notice.votes.anonymous'],
      da: /nøgle, der finder din egen stemmeseddel, på denne enhed/i,
      en: /key that finds your own ballot stays on this device/i,
      readme: /random ballot key for the round and keeps it in its own storage/,
    },
    {
      fact: 'with a sync server, the server issues the key, so whoever runs it can tell whose ballot is whose',
      da: /med sync-server (udsteder serveren din nøgle, så )?(kan )?den, der driver serveren,( kan)? se, hvis stemmeseddel der er hvis/i,
      en: /with (one|a sync server), (the server issues your key, so )?whoever runs the server can tell whose ballot is whose/i,
      readme: /the server issues each person's key for the round .* whoever runs the server can tell whose ballot is whose/,
    },
  ],
  sealed: [
    {
      fact: 'ballots are kept on the Tryghed server',
      da: /(på jeres Tryghed-server|i serverens database)/i,
      en: /(on your Tryghed server|in the server’s database)/i,
      readme: /ballots are kept on your Tryghed server/,
    },
    {
      fact: 'only totals reach the board',
      da: /kun summerne kommer på boardet/i,
      en: /only totals reach the board/i,
      readme: /only totals reach the board/,
    },
    {
      fact: 'whoever runs the server can see the ballots',
      da: /den, der driver serveren, kan se (stemmesedlerne|dem)/i,
      en: /whoever runs the server can see (the ballots|them)/i,
      readme: /Whoever runs the server can see the ballots/,
    },
  ],
};

/** Promises that are not true, in any place that describes the mode. */
const NEVER: Record<Anonymity, readonly RegExp[]> = {
  named: [/men ikke hvad|but not what/i, /privat|private/i],
  anonymous: [/ingen kan se|nobody can see|no one can see/i, /krypt|encrypt/i],
  sealed: [/ingen kan se|nobody can see|no one can see/i],
};

const text = (m: Message | undefined, lang: Lang) => (m === undefined ? '' : formOf(lang, m));
const squash = (s: string) => s.replace(/\s+/g, ' ');

/** The README's paragraph on each mode ("- **Named:** …" up to the next bullet or heading). */
function readmeModes(): Record<Anonymity, string> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## How anonymous are votes?'));
  const body = section.slice(0, section.indexOf('\n## ', 5));
  const bullet = (label: string) => {
    const at = body.indexOf(`- **${label}`);
    expect(at, `README bullet ${label}`).toBeGreaterThan(0);
    const next = body.indexOf('\n- **', at + 3);
    return squash(body.slice(at, next < 0 ? undefined : next));
  };
  return { named: bullet('Named:'), anonymous: bullet('Anonymous (no server):'), sealed: bullet('Sealed (server mode):') };
}

describe('the three modes are described with the same facts in the panel and the README', () => {
  const readme = readmeModes();
  for (const mode of ['named', 'anonymous', 'sealed'] as const) {
    it(`${mode}: every place states its facts in Danish and English; the README states all of them`, () => {
      const missing: string[] = [];
      for (const f of FACTS[mode]) {
        for (const key of f.in ?? PLACES[mode]) {
          for (const lang of ['da', 'en'] as const) {
            if (!f[lang].test(squash(text(SESSION_MESSAGES[lang][key], lang)))) missing.push(`${lang} ${key}: ${f.fact}`);
          }
        }
        if (!f.readme.test(readme[mode])) missing.push(`README ${mode}: ${f.fact}`);
      }
      expect(missing).toEqual([]);
    });

    it(`${mode}: no place promises what is not true`, () => {
      const said: string[] = [];
      for (const key of PLACES[mode]) {
        for (const lang of ['da', 'en'] as const) {
          for (const bad of NEVER[mode]) if (bad.test(text(SESSION_MESSAGES[lang][key], lang))) said.push(`${lang} ${key}: ${String(bad)}`);
        }
      }
      for (const bad of NEVER[mode]) if (bad.test(readme[mode])) said.push(`README ${mode}: ${String(bad)}`);
      expect(said).toEqual([]);
    });
  }

  it('every mode the model knows is described, and every place names one mode only', () => {
    expect(Object.keys(PLACES).sort()).toEqual(['anonymous', 'named', 'sealed']);
    const all = Object.values(PLACES).flat();
    expect(new Set(all).size).toBe(all.length);
  });
});
