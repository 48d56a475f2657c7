import axe from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * Checks that hold for every page: what axe-core finds against WCAG 2.1 A and AA and its
 * best practices, whether anything scrolls sideways, and how the page prints. Each returns a list
 * of readable findings, empty when the page passes, so a failing test names what is wrong where.
 */

/** The rules axe-core runs: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and its best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * What axe-core finds on the page as it is now, one line per rule and element. The page's window
 * must be opened with `bypassCSP: true`: the page's own policy allows no inline script, and axe
 * is injected as one.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate<string[]>(`(async () => {
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} } });
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => v.id + ' (' + v.help + ') at ' + n.target.join(' ') + ': ' + (n.failureSummary || '').split('\\n').slice(1).join(' ').trim()),
    );
  })()`);
}

/**
 * The elements that reach past the window's right edge, when the page as a whole scrolls
 * sideways; empty when it does not. Only the outermost element that sticks out is named, not
 * each of its descendants.
 */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return [];
    const width = root.clientWidth;
    const right = (el) => el.getBoundingClientRect().right;
    const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + [...el.classList].map((c) => '.' + c).join('');
    const offenders = [...document.body.querySelectorAll('*')].filter(
      (el) => right(el) > width + 1 && (!el.parentElement || right(el.parentElement) <= width + 1),
    );
    return [
      'the page is ' + root.scrollWidth + ' px wide in a ' + width + ' px window',
      ...offenders.slice(0, 10).map((el) => name(el) + ' reaches ' + Math.round(right(el)) + ' px'),
    ];
  })()`);
}

/**
 * How the page prints: with print media emulated, the site's header, the skip link and the
 * buttons of forms must be gone, and the main content shown in black on white. Restores screen
 * media before it returns.
 */
export async function printProblems(page: Page): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  try {
    return await page.evaluate<string[]>(`(() => {
      const problems = [];
      const shown = (el) => {
        const style = getComputedStyle(el);
        return style.display !== 'none' && style.visibility !== 'hidden' && el.getClientRects().length > 0;
      };
      for (const selector of ['header.top', 'a.skip', 'main button', 'main input[type=submit]']) {
        for (const el of document.querySelectorAll(selector)) if (shown(el)) problems.push(selector + ' is printed');
      }
      const main = document.querySelector('main');
      if (!main || !shown(main)) problems.push('the main content is not printed');
      else if (getComputedStyle(main).color !== 'rgb(0, 0, 0)') problems.push('the text prints in ' + getComputedStyle(main).color);
      const background = getComputedStyle(document.body).backgroundColor;
      if (background !== 'rgb(255, 255, 255)' && background !== 'rgba(0, 0, 0, 0)') problems.push('the page prints on ' + background);
      return [...new Set(problems)];
    })()`);
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
}
