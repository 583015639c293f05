/**
 * The vote list's groups: clusters first, then each template's zones in catalogue and
 * template order (a note on a template but in no zone under the template's own name), then
 * notes outside every template. Pure: rows and where their notes sit (the locate-targets
 * action) in, titled groups out. Until the places are known, one group without a title.
 */
import type { TargetPlace } from '../../actions/locate-targets.js';
import type { Lang } from '../../core/lang.js';
import { TEMPLATES } from '../../core/template/catalogue.js';
import { voteableZones } from '../../core/template/zones.js';
import { t } from '../i18n/session-strings.js';
import type { VoteRow } from './session-view.js';

export interface RowGroup {
  key: string;
  /** '' for the one untitled group shown before the places are known. */
  title: string;
  rows: VoteRow[];
}

export type Places = Readonly<Record<string, TargetPlace | null>>;

export function groupRows(rows: readonly VoteRow[], places: Places | null, lang: Lang): RowGroup[] {
  if (!places) return rows.length > 0 ? [{ key: 'all', title: '', rows: [...rows] }] : [];
  const order = new Map<string, { rank: number; title: string }>();
  order.set('clusters', { rank: -1, title: t(lang, 'vote.group.clusters') });
  TEMPLATES.forEach((tpl, ti) => {
    const base = (ti + 1) * 1000;
    order.set(tpl.id, { rank: base, title: tpl.title[lang] });
    voteableZones(tpl, lang).forEach((z, zi) => order.set(`${tpl.id}/${z.id}`, { rank: base + zi + 1, title: `${tpl.title[lang]} › ${z.label}` }));
  });
  order.set('other', { rank: Number.MAX_SAFE_INTEGER, title: t(lang, 'vote.group.other') });
  const groups = new Map<string, VoteRow[]>();
  for (const row of rows) {
    const p = places[row.id];
    // A zone no round may target (none today) falls back to its template's group.
    const key = row.kind === 'cluster' ? 'clusters' : !p ? 'other' : p.zone && order.has(`${p.template}/${p.zone}`) ? `${p.template}/${p.zone}` : p.template;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups]
    .map(([key, rs]) => ({ key, title: order.get(key)?.title ?? t(lang, 'vote.group.other'), rows: rs, rank: order.get(key)?.rank ?? Number.MAX_SAFE_INTEGER }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ rank: _rank, ...g }) => g);
}
