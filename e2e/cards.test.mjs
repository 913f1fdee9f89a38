// Headline cards, as a reader meets them: every card of GROUPS (src/components/headline_cards.rs)
// shows its value, what it measures and its qualifier; "more than" / "at least" figures say so;
// the sentence each number comes from (verbatim from data/article.json) opens on hover, on
// keyboard focus and on tap, and a second tap closes it. Chinese and English pages.
//
//   node --test --test-concurrency=1 e2e/cards.test.mjs
//   E2E_DIST=/tmp/e2e-dist node --test e2e/cards.test.mjs   (test a copy of the build)

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ARTICLE,
  assertNoErrors,
  figure,
  frames,
  HEADLINE_CARD_IDS,
  openReader,
  quotedAsShown,
  saveViewport,
  sentenceEn,
  sentenceZh,
  serveBuildToBrowser,
} from './page-helpers.mjs';

const CARD_IDS = HEADLINE_CARD_IDS;

// The tags under a card's value: qualifier (none when exact) · result/plan/target · period.
const QUALIFIER = {
  zh: { exact: '', more_than: '超过', at_least: '不低于', about: '约', scale: '量级' },
  en: { exact: '', more_than: 'more than', at_least: 'at least', about: 'about', scale: 'order of magnitude' },
};
const STATUS = {
  zh: { result: '已实现', plan: '计划', target: '目标' },
  en: { result: 'result', plan: 'plan', target: 'target' },
};
// How a value or its tags may say "more than" / "at least".
const OVER_MARK = { zh: /超|余|多|以上|超过|不低于/, en: /\bover\b|more than|at least/i };

function expectedQualifier(f, lang) {
  let period = lang === 'zh' ? f.period_zh : f.period_en;
  // A period the article words as 今年/全年/去年 is dated from the year its other sentences give
  // (article.this_year: 2022年), and says that the year is derived.
  const dated = ARTICLE.article.this_year && /今年|全年|去年/.test(f.period_zh ?? '');
  if (dated) {
    const year = ARTICLE.article.this_year.year - (f.period_zh.includes('去年') ? 1 : 0);
    period = lang === 'zh' ? `${period}，${year}年` : `${period}, ${year}`;
  }
  const derived = dated ? (lang === 'zh' ? '年份为派生' : 'year derived') : null;
  return [QUALIFIER[lang][f.qualifier], STATUS[lang][f.status], period, derived].filter(Boolean).join(' · ');
}

/** What every card shows, read in one go. */
function readCards(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.card[data-figure-id]')].map((card) => {
      const r = card.getBoundingClientRect();
      const text = (sel) => card.querySelector(sel)?.textContent.trim() ?? null;
      return {
        id: card.dataset.figureId,
        visible: getComputedStyle(card).visibility !== 'hidden' && r.width > 0 && r.height > 0,
        value: text('.card-value'),
        qualifier: text('.card-qualifier'),
        label: text('.card-label'),
        sourceHidden: card.querySelector('.card-source[role=tooltip]')?.hidden ?? null,
      };
    }),
  );
}

/**
 * The open source panel of card `id`: whether it is shown, on top (what a reader sees at its
 * middle is the panel itself, not a neighbouring card), inside the viewport's width, and its
 * sentences.
 */
function readSource(page, id) {
  return page.evaluate((id) => {
    const card = document.querySelector(`.card[data-figure-id="${id}"]`);
    const panel = card.querySelector('.card-source[role=tooltip]');
    const r = panel.getBoundingClientRect();
    const shown = !panel.hidden && getComputedStyle(panel).display !== 'none' && r.width > 0 && r.height > 0;
    let onTop = false;
    if (shown) {
      const x = r.left + r.width / 2;
      const y = Math.min(r.top + r.height / 2, window.innerHeight - 1);
      const hit = document.elementFromPoint(x, y);
      onTop = !!hit && panel.contains(hit);
    }
    const zh = panel.querySelector('.details-source');
    const label = zh?.querySelector('.source-label')?.textContent ?? '';
    return {
      shown,
      onTop,
      insideWidth: r.left >= -0.5 && r.right <= document.documentElement.clientWidth + 0.5,
      expanded: card.getAttribute('aria-expanded'),
      describedBy: card.getAttribute('aria-describedby'),
      panelId: panel.id,
      title: panel.querySelector('.details-title')?.textContent ?? null,
      source: zh ? zh.textContent.slice(label.length) : null,
      sourceEn: panel.querySelector('.details-source-en')?.textContent ?? null,
      openCount: [...document.querySelectorAll('.card-source[role=tooltip]')].filter((p) => !p.hidden).length,
    };
  }, id);
}

/** The card a reader sees, with the sentence of its figure in the page's language(s). */
function assertSourceShows(s, id, lang) {
  const f = figure(id);
  assert.ok(s.shown, `${id}: the source panel is not shown`);
  assert.ok(s.onTop, `${id}: the source panel is covered by something else at its middle`);
  assert.ok(s.insideWidth, `${id}: the source panel sticks out of the viewport`);
  assert.equal(s.openCount, 1, `${id}: ${s.openCount} source panels open at once`);
  assert.equal(s.expanded, 'true', `${id}: aria-expanded should be "true" while open`);
  assert.equal(s.describedBy, s.panelId, `${id}: aria-describedby should name the panel`);
  assert.equal(s.title, lang === 'zh' ? f.label_zh : f.label_en, `${id}: panel title`);
  assert.equal(s.source, quotedAsShown(sentenceZh(f.source)), `${id}: the Chinese source sentence is not verbatim`);
  if (lang === 'en') {
    assert.equal(s.sourceEn, sentenceEn(f.source), `${id}: the English rendering of the sentence`);
  } else {
    assert.equal(s.sourceEn, null, `${id}: the Chinese page shows an English rendering`);
  }
}

function assertCardsShowValues(cards, lang) {
  assert.deepEqual(
    cards.map((c) => c.id),
    CARD_IDS,
    'the headline cards on the page are not HEADLINE_CARD_IDS, in order',
  );
  for (const card of cards) {
    const f = figure(card.id);
    assert.ok(card.visible, `${card.id}: card not visible`);
    assert.ok(card.value && /\d/.test(card.value), `${card.id}: no value shown (${card.value})`);
    if (lang === 'zh') {
      // Chinese prints the article's number as it stands (215亿元, 300户, 10%).
      assert.ok(card.value.includes(String(f.value)), `${card.id}: value "${card.value}" does not show ${f.value}`);
      assert.equal(card.label, f.label_zh, `${card.id}: label`);
    } else {
      assert.equal(card.label, f.label_en, `${card.id}: label`);
    }
    assert.equal(card.qualifier, expectedQualifier(f, lang), `${card.id}: qualifier line`);
    const shown = `${card.value} ${card.qualifier}`;
    if (f.qualifier === 'more_than' || f.qualifier === 'at_least') {
      assert.match(shown, OVER_MARK[lang], `${card.id} is "${f.qualifier}" but the card says "${shown}"`);
    } else if (f.qualifier === 'exact') {
      assert.doesNotMatch(shown, OVER_MARK[lang], `${card.id} is exact but the card says "${shown}"`);
    }
    assert.equal(card.sourceHidden, true, `${card.id}: the source panel is open before any interaction`);
  }
}

describe('headline cards', () => {
  const suite = serveBuildToBrowser();

  it('Chinese by default in a zh-CN browser; every card shows its value and qualifier', async () => {
    const p = await openReader(suite.browser, suite.server.url, { locale: 'zh-CN', width: 1280, height: 800 });
    try {
      assert.equal(await p.page.getAttribute('html', 'lang'), 'zh-CN');
      assertCardsShowValues(await readCards(p.page), 'zh');
      await saveViewport(p.page, 'cards-zh-1280');
      assertNoErrors(p);
    } finally {
      await p.close();
    }
  });

  it('hovering a card shows its source sentence, verbatim; leaving hides it', async () => {
    const p = await openReader(suite.browser, `${suite.server.url}?lang=zh`, { width: 1280, height: 800 });
    try {
      const { page } = p;
      for (const id of CARD_IDS) {
        const card = page.locator(`.card[data-figure-id="${id}"]`);
        await card.scrollIntoViewIfNeeded();
        await card.hover();
        await frames(page);
        assertSourceShows(await readSource(page, id), id, 'zh');
        if (id === 'industrial_output') await saveViewport(page, 'cards-zh-1280-hover');
        await page.mouse.move(1, 1);
        await frames(page);
        const after = await readSource(page, id);
        assert.equal(after.shown, false, `${id}: the source stays open after the pointer left`);
        assert.equal(after.expanded, 'false', `${id}: aria-expanded stays "true" after the pointer left`);
      }
      assertNoErrors(p);
    } finally {
      await p.close();
    }
  });

  it('Tab focuses each card in order and shows its source; Escape closes it', async () => {
    const p = await openReader(suite.browser, `${suite.server.url}?lang=zh`, { width: 1280, height: 800 });
    try {
      const { page } = p;
      const focusedCard = () => page.evaluate(() => document.activeElement?.dataset?.figureId ?? null);
      // From the top of the page to the first card (past the language buttons).
      let presses = 0;
      while ((await focusedCard()) === null) {
        await page.keyboard.press('Tab');
        assert.ok(++presses <= 10, 'Tab never reaches a headline card');
      }
      for (const [index, id] of CARD_IDS.entries()) {
        if (index > 0) await page.keyboard.press('Tab');
        await frames(page);
        assert.equal(await focusedCard(), id, `Tab order: expected card ${id}`);
        const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
        assert.notEqual(outline, 'none', `${id}: a focused card has no visible outline`);
        assertSourceShows(await readSource(page, id), id, 'zh');
        await page.keyboard.press('Escape');
        await frames(page);
        assert.equal((await readSource(page, id)).shown, false, `${id}: Escape does not close the source`);
      }
      assertNoErrors(p);
    } finally {
      await p.close();
    }
  });

  it('on a touch screen a tap opens the source and a second tap closes it', async () => {
    const p = await openReader(suite.browser, `${suite.server.url}?lang=zh`, {
      width: 390,
      height: 844,
      deviceScaleFactor: 3,
      hasTouch: true,
      isMobile: true,
    });
    try {
      const { page } = p;
      const problems = [];
      for (const id of CARD_IDS) {
        const card = page.locator(`.card[data-figure-id="${id}"]`);
        await card.scrollIntoViewIfNeeded();
        await card.tap();
        await frames(page);
        const opened = await readSource(page, id);
        assertSourceShows(opened, id, 'zh');
        if (id === CARD_IDS[0]) await saveViewport(page, 'cards-zh-390-tap');
        await card.tap();
        await frames(page);
        const closed = await readSource(page, id);
        if (closed.shown) problems.push(`${id}: still open after the second tap (aria-expanded=${closed.expanded})`);
        // Leave the card closed for the next one whatever happened (tap elsewhere, blur).
        await page.locator('.page-title').tap();
        await page.evaluate(() => document.activeElement?.blur());
        await frames(page);
      }
      assert.deepEqual(problems, [], `a second tap does not close the source:\n${problems.join('\n')}`);
      assertNoErrors(p);
    } finally {
      await p.close();
    }
  });

  it('English page (en/, and ?lang=en on the root): values, qualifiers, both sentences; the address decides, not the browser', async () => {
    // The address decides the language (issue 21): the root is Chinese in an en-US browser too,
    // and en/ is English in a zh-CN one.
    const byBrowser = await openReader(suite.browser, suite.server.url, { locale: 'en-US', width: 1280, height: 800 });
    try {
      assert.equal(await byBrowser.page.getAttribute('html', 'lang'), 'zh-CN', 'the root page should stay Chinese in an en-US browser');
      assertNoErrors(byBrowser);
    } finally {
      await byBrowser.close();
    }
    const edition = await openReader(suite.browser, `${suite.server.url}en/`, { locale: 'zh-CN', width: 1280, height: 800 });
    try {
      assert.equal(await edition.page.getAttribute('html', 'lang'), 'en', 'en/ should be English in a zh-CN browser');
      assertCardsShowValues(await readCards(edition.page), 'en');
      assertNoErrors(edition);
    } finally {
      await edition.close();
    }
    // The old address: ?lang=en on the root, rendered afresh in English.
    const p = await openReader(suite.browser, `${suite.server.url}?lang=en`, { locale: 'zh-CN', width: 1280, height: 800 });
    try {
      const { page } = p;
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assertCardsShowValues(await readCards(page), 'en');
      for (const id of CARD_IDS) {
        const card = page.locator(`.card[data-figure-id="${id}"]`);
        await card.hover();
        await frames(page);
        assertSourceShows(await readSource(page, id), id, 'en');
        await page.mouse.move(1, 1);
      }
      await saveViewport(page, 'cards-en-1280');
      assertNoErrors(p);
    } finally {
      await p.close();
    }
  });
});
