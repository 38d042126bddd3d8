/**
 * The evaluation dashboards' frontend.
 *
 * The default export is the plugin for Backstage's new frontend system; the
 * legacy app uses `evaluationPlugin` and `EvaluationPage`.
 *
 * @packageDocumentation
 */
export { default } from './plugin';
export {
  evaluationPlugin,
  EvaluationPage,
  EvaluationKeyFiguresCard,
} from './legacy';
export { evaluationApiRef } from './api/EvaluationApi';
export type { EvaluationApi } from './api/EvaluationApi';
export { EvaluationClient } from './api/EvaluationClient';
export { evaluationTranslationRef } from './translation';
