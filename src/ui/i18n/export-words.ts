/**
 * The words of the export files (core/export has none): what the file is, for its name, and
 * the column names and cell words, in the reader's language. The panels hand them to the
 * export actions.
 */
import type { PlanExportWords } from '../../core/export/plan-export.js';
import type { TallyExportWords } from '../../core/export/tally-export.js';
import type { Lang } from '../../core/lang.js';
import { t } from './session-strings.js';

export function resultsExportWords(lang: Lang): { file: string; columns: TallyExportWords } {
  const w = (key: Parameters<typeof t>[1]) => t(lang, key);
  return {
    file: w('export.file.results'),
    columns: {
      rank: w('export.rank'), tied: w('export.tied'), item: w('export.item'), kind: w('export.kind'), votes: w('export.votes'),
      note: w('export.note'), cluster: w('export.cluster'), yes: w('export.yes'), no: w('export.no'),
      respondents: w('export.respondents'), total: w('export.total'), tiedMark: w('export.tiedMark'),
    },
  };
}

export function planExportWords(lang: Lang): { file: string; columns: PlanExportWords } {
  const w = (key: Parameters<typeof t>[1]) => t(lang, key);
  return {
    file: w('export.file.plan'),
    columns: {
      layer: w('export.layer'), preparedness: w('export.preparedness'), draft: w('export.draft'), draftMark: w('export.draftMark'),
      yes: w('export.yes'), no: w('export.no'), empty: w('export.empty'), date: w('export.date'),
      problem: w('plan.problem'), responsible: w('plan.owner'), deadline: w('plan.deadline'), followUpDate: w('plan.followUpDate'),
      followUpMethod: w('plan.followUpMethod'), success: w('plan.success'), status: w('plan.status'), source: w('plan.source'),
      statuses: { 'not-started': w('plan.status.not-started'), 'under-way': w('plan.status.under-way'), done: w('plan.status.done') },
      sourceRank: (question, rank) => t(lang, 'plan.sourceRank', { question, rank }),
    },
  };
}
