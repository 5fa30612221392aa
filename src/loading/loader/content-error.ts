/**
 * The error that stops a build with content problems: one message listing every problem, each naming
 * file, field (or line:column), what was expected and how to fix it.
 */
import { AstroError } from 'astro/errors';
import { ContentProblemsError, type ContentProblem } from '../problems.ts';

/**
 * An AstroError for content problems. Astro replaces the hint of any error whose text contains
 * "document" or "window" with advice about browser APIs (astro/dist/core/errors/dev/utils.js,
 * `generateHint`); an editor's text can contain those words, so this error's `toString()` gives
 * only its name and the message keeps its own hint. It has no stack: the problems are in the content
 * files it names, and a trace into this loader only hid them under noise.
 */
export function contentError(message: string, hint: string): AstroError {
  const err = new AstroError(message, hint);
  err.toString = () => 'ContentProblems';
  err.stack = '';
  return err;
}

/** The error listing `problems` (`ContentProblemsError`'s message) with `hint` under it. */
export function problemsError(problems: ContentProblem[], hint: string): AstroError {
  return contentError(new ContentProblemsError(problems).message, hint);
}
