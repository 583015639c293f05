/**
 * What a new round can vote on, for the round form and the theme suggestions: every note,
 * the clusters, the selection, then per template on the board the whole of it and each zone
 * that may be voted on. A private template (the plate) offers nothing: it is never voted on.
 */
import type { TargetSet } from '../actions/round-targets.js';
import type { Lang } from '../core/lang.js';
import { TEMPLATES } from '../core/template/catalogue.js';
import type { TemplateId } from '../core/template/types.js';
import { deckItemIds, voteableZones } from '../core/template/zones.js';
// The scopes' words are the session panels' (they show in the Group and 'Run rounds' tabs).
import { t } from './i18n/session-strings.js';
import type { ScopeOption } from './session/session-view.js';

export function roundScopes(lang: Lang, onBoard: readonly TemplateId[]): ScopeOption[] {
  const option = (set: Extract<TargetSet, string>): ScopeOption => ({ scope: { kind: 'selection' }, label: t(lang, `shell.scope.${set}`), targets: set });
  const scopes = [option('notes'), option('clusters'), option('selection')];
  for (const tpl of TEMPLATES) {
    if (!onBoard.includes(tpl.id) || tpl.private === true) continue;
    const templateId = tpl.id;
    const group = tpl.title[lang];
    scopes.push({ scope: { kind: 'template', templateId }, group, label: t(lang, 'shell.scope.template'), targets: { template: templateId } });
    if (deckItemIds(tpl).size > 0) {
      scopes.push({ scope: { kind: 'cards', templateId }, group, label: t(lang, 'shell.scope.cards'), targets: { template: templateId, cards: true } });
    }
    for (const zone of voteableZones(tpl, lang)) {
      scopes.push({ scope: { kind: 'zone', templateId, zoneId: zone.id }, group, label: zone.label, targets: { template: templateId, zone: zone.id } });
    }
  }
  return scopes;
}
