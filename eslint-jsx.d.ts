/**
 * For ESLint only (tsconfig.eslint.json; tsconfig.json leaves it out, so `astro check` is unchanged).
 * Astro types an element in a template as `HTMLElement | any` (it allows JSX from several frameworks);
 * without this, typed lint rules read every `{list.map((x) => <li>…</li>)}` in a .astro file as a
 * value of unknown type.
 */
import 'astro/astro-jsx';

declare global {
  namespace JSX {
    type Element = HTMLElement;
  }
}
