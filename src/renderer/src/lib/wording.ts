/** The wording helpers the screens use, shared with main's sentences (the same plurals, lists and articles everywhere). */
export { listAnd, plural, withArticle } from '../../../shared/text/wording.ts';
