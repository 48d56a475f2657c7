import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.ts';
import { accessibilityViolations, horizontalOverflow, printProblems } from '../support/page-checks.ts';

// The checks every page type goes through find what they are there to find: on pages built to
// break them, each names the fault; on a page without faults, none.
describe('the page checks in Chromium', { timeout: 60_000 }, () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 390, height: 800 } })).newPage();
  });
  afterAll(() => browser?.close());

  const sound = `<!doctype html><html lang="da"><head><title>Prøve</title>
    <style>@media print { header { display: none } main { color: #000 } }</style></head>
    <body><header><p>Ungeflow</p></header><main><h1>Prøve</h1><p>Tekst</p></main></body></html>`;

  it('finds nothing on a sound page', async () => {
    await page.setContent(sound);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(await printProblems(page)).toEqual([]);
  });

  it('names a field without a label and an image without a text', async () => {
    await page.setContent(sound.replace('<p>Tekst</p>', '<input type="text"><img src="x.png">'));
    const found = await accessibilityViolations(page);
    expect(found.some((v) => v.startsWith('label '))).toBe(true);
    expect(found.some((v) => v.startsWith('image-alt '))).toBe(true);
  });

  it('names what makes a phone-sized page scroll sideways', async () => {
    await page.setContent(sound.replace('<p>Tekst</p>', '<div class="wide" style="width: 600px">Bred</div>'));
    expect(await horizontalOverflow(page)).toEqual([
      expect.stringMatching(/^the page is \d+ px wide in a 390 px window$/),
      expect.stringMatching(/^div\.wide reaches \d+ px$/),
    ]);
  });

  it("names the site's header, buttons and grey text on paper", async () => {
    await page.setContent(
      `<!doctype html><html lang="da"><head><title>Prøve</title></head><body>
       <header class="top">Ungeflow</header><main style="color: #555"><button>Gem</button></main></body></html>`,
    );
    expect(await printProblems(page)).toEqual([
      'header.top is printed',
      'main button is printed',
      'the text prints in rgb(85, 85, 85)',
    ]);
  });
});
