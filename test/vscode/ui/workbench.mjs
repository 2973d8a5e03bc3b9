// Small Playwright helpers for code-server's workbench (VS Code 1.100 web UI).
// Used by steps.mjs; every wait is event-based with a cap, never a fixed sleep.
import fs from 'node:fs';
import path from 'node:path';

const Q_INPUT = '.quick-input-widget input';
const Q_ROWS = '.quick-input-list .monaco-list-row';

export class Workbench {
  /**
   * @param {import('playwright-core').Page} page
   * @param {{ shotsDir: string, log?: (msg: string) => void }} opts
   */
  constructor(page, { shotsDir, log = () => {} }) {
    this.page = page;
    this.shotsDir = shotsDir;
    this.log = log;
  }

  /** Waits for the workbench and a populated Explorer. */
  async ready(timeout = 60_000) {
    await this.page.waitForSelector('.monaco-workbench', { timeout });
    await this.page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout });
  }

  /** Labels of the visible Explorer rows. */
  async explorerRows() {
    return this.page.$$eval('.explorer-folders-view .monaco-list-row', (rows) =>
      rows.map((r) => r.getAttribute('aria-label') || r.textContent.trim()),
    );
  }

  /** Opens a file by name/relative path via Quick Open (Ctrl+P) and waits for its editor tab. */
  async openFile(relPath, timeout = 30_000) {
    const base = path.basename(relPath);
    await this.closeQuickInput();
    await this.page.keyboard.press('Control+P');
    const input = await this.page.waitForSelector(Q_INPUT, { state: 'visible', timeout });
    await input.fill(relPath);
    const row = this.page.locator(Q_ROWS).filter({ hasText: base }).first();
    await row.waitFor({ state: 'visible', timeout });
    await row.click();
    await this.page.waitForSelector(`.tabs-container .tab.active:has(.label-name:text-is("${base}"))`, { timeout });
    await this.page.waitForSelector('.editor-instance .monaco-editor .view-lines', { timeout });
  }

  /**
   * Runs a command palette entry by its exact title as the palette shows it ("Category: Title"),
   * e.g. runCommand('Provisioning: Preview Config').
   */
  async runCommand(title, timeout = 30_000, { keepOpen = false } = {}) {
    await this.closeQuickInput();
    await this.page.keyboard.press('F1');
    const input = await this.page.waitForSelector(Q_INPUT, { state: 'visible', timeout });
    await input.fill(`>${title}`);
    const row = this.page
      .locator(Q_ROWS)
      .filter({
        has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRe(title)}$`) }),
      })
      .first();
    await row.waitFor({ state: 'visible', timeout });
    await row.click();
    // keepOpen: the command opens its own quick pick right away (use pickQuickItem next)
    if (!keepOpen) await this.page.waitForSelector('.quick-input-widget', { state: 'hidden', timeout });
  }

  /** Waits for a quick-pick row containing `text` (string or RegExp) and picks it. */
  async pickQuickItem(text, timeout = 30_000, { keepOpen = false } = {}) {
    const row = this.page.locator(Q_ROWS).filter({ hasText: text }).first();
    await row.waitFor({ state: 'visible', timeout });
    await row.click();
    if (!keepOpen) await this.page.waitForSelector('.quick-input-widget', { state: 'hidden', timeout });
  }

  /** Waits for a quick input whose title contains `text` (a command's next step). */
  async waitForQuickInputTitle(text, timeout = 30_000) {
    await this.page
      .locator('.quick-input-widget .quick-input-title')
      .filter({ hasText: text })
      .first()
      .waitFor({ state: 'visible', timeout });
  }

  /** Hides the panel (Problems, Output, …) when it is open. */
  async hidePanel() {
    if (await this.page.isVisible('.part.panel')) {
      await this.page.keyboard.press('Control+J');
      await this.page.waitForSelector('.part.panel', { state: 'hidden', timeout: 5_000 }).catch(() => {});
    }
  }

  /**
   * Texts of all visible editors (one entry per editor group, NBSPs turned into spaces).
   * With `waitFor` (string or RegExp), polls until some editor matches and returns that editor's text.
   */
  async editorTexts({ waitFor, timeout = 30_000 } = {}) {
    const read = () =>
      this.page.$$eval('.editor-instance .monaco-editor .view-lines', (els) => els.map((e) => e.innerText.replace(/\u00a0/g, ' ')));
    if (waitFor === undefined) return read();
    const re = typeof waitFor === 'string' ? new RegExp(escapeRe(waitFor)) : waitFor;
    const end = Date.now() + timeout;
    for (;;) {
      const texts = await read();
      const hit = texts.find((t) => re.test(t));
      if (hit !== undefined) return hit;
      if (Date.now() > end) throw new Error(`no editor showed ${re}; editors: ${JSON.stringify(texts.map((t) => t.slice(0, 300)))}`);
      await this.page.waitForTimeout(200); // polling interval, not a fixed wait
    }
  }

  /** Labels of the open editor tabs, the active one of each group marked with a leading '*'. */
  async tabs() {
    return this.page.$$eval('.tabs-container .tab', (els) =>
      els.map((e) => `${e.classList.contains('active') ? '*' : ''}${e.querySelector('.label-name')?.textContent ?? ''}`),
    );
  }

  /** Closes any open quick input (palette / Quick Open). */
  async closeQuickInput() {
    if (await this.page.isVisible('.quick-input-widget')) {
      await this.page.keyboard.press('Escape');
      await this.page.waitForSelector('.quick-input-widget', { state: 'hidden', timeout: 5_000 }).catch(() => {});
    }
  }

  /**
   * Opens the Problems panel (Ctrl+Shift+M) and returns its rows' text
   * ("<file> <count>" for file rows, "<CODE>: <message> <source> [Ln 2, Col 1]" for markers).
   * With `waitFor` (string or RegExp), waits until some row matches.
   */
  async problems({ waitFor, timeout = 30_000 } = {}) {
    if (!(await this.page.isVisible('.markers-panel'))) {
      await this.page.keyboard.press('Control+Shift+M');
      await this.page.waitForSelector('.markers-panel', { state: 'visible', timeout });
    }
    const read = () =>
      this.page.$$eval('.markers-panel .monaco-list-row', (rows) => rows.map((r) => r.innerText.replace(/\s+/g, ' ').trim()));
    if (waitFor === undefined) return read();
    const re = typeof waitFor === 'string' ? new RegExp(escapeRe(waitFor)) : waitFor;
    const end = Date.now() + timeout;
    for (;;) {
      const rows = await read();
      if (rows.some((r) => re.test(r))) return rows;
      if (Date.now() > end) throw new Error(`Problems panel never showed ${re}; rows: ${JSON.stringify(rows)}`);
      await this.page.waitForTimeout(200); // polling interval, not a fixed wait
    }
  }

  /** Text of the active editor's visible lines. */
  async editorText() {
    return this.page.$eval('.editor-instance .monaco-editor .view-lines', (el) => el.innerText);
  }

  /** Waits until `selector` contains `text` (string or RegExp) and returns its text. */
  async waitForText(selector, text, timeout = 30_000) {
    const loc = this.page.locator(selector).filter({ hasText: text }).first();
    await loc.waitFor({ state: 'visible', timeout });
    return loc.innerText();
  }

  /**
   * Finds a row containing `text` in a VIRTUALISED monaco list (only visible rows exist in the DOM),
   * scrolling it with the mouse wheel; e.g. findListRow('.runtime-extensions-editor', 'Provisioning Studio').
   * Returns the row's text.
   */
  async findListRow(container, text, timeout = 30_000) {
    const list = this.page.locator(container).first();
    await list.waitFor({ state: 'visible', timeout });
    const rows = list.locator('.monaco-list-row').filter({ hasText: text });
    const end = Date.now() + timeout;
    let direction = 1;
    for (;;) {
      if (await rows.count()) {
        const row = rows.first();
        await row.scrollIntoViewIfNeeded().catch(() => {});
        return row.innerText();
      }
      if (Date.now() > end) throw new Error(`no row with ${text} in ${container}`);
      const box = await list.boundingBox();
      if (box) {
        const before = await list
          .locator('.monaco-scrollable-element')
          .first()
          .evaluate((e) => e.querySelector('.monaco-list-rows')?.style.top || '')
          .catch(() => '');
        await this.page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
        await this.page.mouse.wheel(0, direction * 300);
        await this.page.waitForTimeout(100); // let the list render the scrolled rows
        const after = await list
          .locator('.monaco-scrollable-element')
          .first()
          .evaluate((e) => e.querySelector('.monaco-list-rows')?.style.top || '')
          .catch(() => '');
        if (before === after) direction = -direction; // hit an end: sweep back (rows may still be arriving)
      } else {
        await this.page.waitForTimeout(200);
      }
    }
  }

  /** Texts of the notification toasts currently shown. */
  async notifications() {
    return this.page.$$eval('.notifications-toasts .notification-list-item-message', (els) => els.map((e) => e.textContent.trim()));
  }

  /**
   * Finds the frame of a ready webview that contains `selector` (e.g. '#preview-root') and returns it;
   * read it with frame.textContent(selector) etc.
   */
  async webviewFrame(selector, timeout = 30_000) {
    await this.page.waitForSelector('iframe.webview.ready', { timeout, state: 'attached' });
    const end = Date.now() + timeout;
    for (;;) {
      for (const f of this.page.frames()) {
        if (await f.$(selector).catch(() => null)) return f;
      }
      if (Date.now() > end) throw new Error(`no webview frame contains ${selector}`);
      await this.page.waitForTimeout(200);
    }
  }

  /** Saves test-results/vscode/<name>.png. */
  async screenshot(name) {
    fs.mkdirSync(this.shotsDir, { recursive: true });
    const file = path.join(this.shotsDir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}

export function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
