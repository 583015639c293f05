/** The words of the pulse's export files (core/export has none), in the reader's language. */
import type { PulseExportWords } from '../../core/export/pulse-export.js';
import type { Lang } from '../../core/lang.js';
import { t } from './session-strings.js';

export function pulseExportWords(lang: Lang): { file: string; columns: PulseExportWords } {
  const w = (key: Parameters<typeof t>[1], params?: Parameters<typeof t>[2]) => t(lang, key, params);
  return {
    file: w('pulse.export.file'),
    columns: {
      item: w('pulse.colItem'), text: w('pulse.export.text'), reverse: w('pulse.export.reverse'), mean: w('pulse.colMean'),
      before: w('pulse.export.before'), change: w('pulse.colChange'), overall: w('pulse.overall'), yes: w('pulse.export.yes'), no: w('pulse.export.no'),
      respondents: w('pulse.export.respondents'), scores: Array.from({ length: 7 }, (_, i) => w('pulse.export.score', { score: i + 1 })),
      scale: w('pulse.export.scale'), unnamed: w('pulse.title'),
    },
  };
}
