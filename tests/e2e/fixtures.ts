import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { claimPooledAccount } from './account-pool';
import { test as base, expect, type APIRequestContext, type Browser, type BrowserContext, type Cookie, type Page, type Response } from '@playwright/test';
import { generateSync } from 'otplib';
import { withClockHeld } from './clock-lock';

/**
 * The e2e `test`: every journey gets an accessibility check (SPEC §12).
 *
 * - `checkA11y()` runs axe (WCAG 2.0/2.1 A + AA) on the page as it is now and fails
 *   the test on any serious or critical violation. Journeys call it after each
 *   navigation or state change worth checking (the helpers below do it for them).
 * - At the end of every test the final page is checked automatically, and the test
 *   fails if it visited a page (path) that was never checked.
 * - A Content-Security-Policy violation reported by the browser fails the test: the
 *   strict nonce policy must not break the app it protects.
 *
 * Axe needs JavaScript in the page. In the no-JS project the page's markup is copied
 * into a JavaScript-enabled page (same URL, same stylesheets, scripts removed) and
 * checked there, so that what a no-JS user sees is what is checked.
 *
 * A page whose markup has the shape of one already checked clean in this run (same
 * path, viewport and project; see `markupShape`) is not checked again, in any worker:
 * journeys walk the same pages with other accounts' names, numbers and dates, and axe's
 * rules look at the structure, the attributes and whether a text is there — not at
 * which name it spells.
 */

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

export const DEMO = {
  user: { email: 'demo@example.com', password: 'Demo2026pass' },
  reviewer: { email: 'reviewer@example.com', password: 'Review2026pass' },
  manager: { email: 'manager@example.com', password: 'Manage2026pass' },
} as const;

/** The password every account made by the journeys uses. */
export const PASSWORD = 'E2eTest2026pass';

type CheckA11y = (label?: string) => Promise<void>;

/** Runs axe on another page of the test (a phone page in a second tab or in a context without JavaScript). */
type CheckA11yOf = (page: Page, options?: { javaScriptEnabled?: boolean; label?: string; exclude?: string[] }) => Promise<void>;

interface Fixtures {
  /** Runs axe on the current page; fails on serious/critical violations. */
  checkA11y: CheckA11y;
  /** Runs axe on a page other than `page` (the fixture only watches `page`); say `javaScriptEnabled: false` for a no-JS context. */
  checkA11yOf: CheckA11yOf;
  /** Internal: the end-of-test check and the CSP watch (automatic). */
  a11yGuard: void;
}

interface WorkerFixtures {
  /** Internal: renders a no-JS page's markup where axe can run, and remembers markup already checked. */
  axeWorker: AxeWorker;
}

function pathOf(url: string): string | null {
  if (!url.startsWith('http')) return null;
  return new URL(url).pathname;
}

/** The markup as a user without scripts sees it (the nonce differs per response and is hidden in the DOM anyway). */
function staticMarkup(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '').replace(/ nonce="[^"]*"/g, '');
}

/** Attributes whose value is text a person reads: only whether there is one matters to axe. */
const TEXT_ATTRIBUTES = /^(?:aria-label|alt|title|placeholder|value|content|aria-valuetext|aria-roledescription)$/;

/** Attributes that draw or address rather than label: their values are geometry (a QR code's path) or tokens. */
const GEOMETRY_ATTRIBUTES = /^(?:d|points|viewBox|transform)$/;
const ADDRESS_ATTRIBUTES = /^(?:href|src|srcset|action|formaction)$/;

/** Rows of a list, a table or a select: repeats of one row's shape are one row to axe's rules. */
const REPEATED_ROWS = /(<(li|tr|option)\b[^>]*>(?:(?!<\2\b)[\s\S])*?<\/\2>)(?:\1)+/g;

/**
 * The markup with what differs from account to account taken out: every text is "T" (or
 * empty), every text attribute likewise, digits and hex ids in other attributes are
 * zeros (hrefs with case ids, React's ids), an address's tokens (a session's link, an
 * image's data: URL) too, drawn geometry is "G", and a row repeated is one row. Tags,
 * roles, classes, styles, ids' shapes and which texts are empty stay — what axe's rules read.
 */
function markupShape(markup: string): string {
  let shape = markup
    .replace(/>([^<]+)</g, (_, text: string) => (text.trim() ? '>T<' : '><'))
    .replace(/ ([\w:-]+)="([^"]*)"/g, (_, name: string, value: string) => {
      // Whether react-hook-form drives a form yet (use-action-form.tsx) is nothing axe reads: JS and no-JS pages share a shape.
      if (name === 'data-enhanced') return '';
      if (TEXT_ATTRIBUTES.test(name)) return ` ${name}="${value.trim() ? 'T' : ''}"`;
      if (GEOMETRY_ATTRIBUTES.test(name)) return ` ${name}="G"`;
      const zeroed = value.replace(/[0-9a-f]{8,}|[0-9]+/gi, '0');
      // The build's own files (stylesheets) keep their names: another stylesheet is another page.
      const address = ADDRESS_ATTRIBUTES.test(name) && !value.startsWith('/_next/');
      return ` ${name}="${address ? zeroed.replace(/[\w+/=~.-]{16,}/g, '0') : zeroed}"`;
    });
  for (let before = ''; before !== shape; ) {
    before = shape;
    shape = shape.replace(REPEATED_ROWS, '$1');
  }
  return shape;
}

/** Shapes checked clean in this run, shared by the workers (the output folder is emptied before each run). */
class CleanShapes {
  readonly stats = { checked: 0, skipped: 0, ms: 0 };
  constructor(private readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
  }
  private file(key: string) {
    return path.join(this.dir, createHash('sha256').update(key).digest('hex'));
  }
  has(key: string): boolean {
    return fs.existsSync(this.file(key));
  }
  add(key: string) {
    fs.writeFileSync(this.file(key), '');
  }
}

class AxeWorker {
  private helper?: Promise<Page>;
  private current = { url: '', html: '' };
  constructor(
    private readonly browser: Browser,
    /** Markup shapes (per path and viewport, with or without JS alike) already checked without a blocking violation. */
    readonly clean: CleanShapes,
  ) {}

  /** A JavaScript-enabled page showing `html` at `url`, with the app's stylesheets and no scripts. */
  async render(url: string, html: string, viewport: { width: number; height: number }): Promise<Page> {
    this.helper ??= (async () => {
      // Contexts made in a test inherit the project's options: switch JavaScript back on explicitly.
      const context: BrowserContext = await this.browser.newContext({ javaScriptEnabled: true, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.route('**/*', (route) => {
        const request = route.request();
        if (request.isNavigationRequest() && request.url() === this.current.url) {
          return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: this.current.html });
        }
        if (request.resourceType() === 'script') return route.abort();
        return route.continue();
      });
      return page;
    })();
    const page = await this.helper;
    this.current = { url, html };
    await page.setViewportSize(viewport);
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  async close() {
    if (this.helper) await (await this.helper).context().close();
  }
}

/** Checks `page` as it is now; answers its path (null for a page that is not a web page), or fails on a blocking violation. */
async function axeCheck(page: Page, javaScriptEnabled: boolean, axeWorker: AxeWorker, label?: string, exclude: string[] = []): Promise<string | null> {
  await page.waitForLoadState('load');
  const url = page.url();
  const p = pathOf(url);
  if (!p) return null;
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const markup = staticMarkup(await page.content());
  // Without JS axe reads a copy of the markup with scripts removed, and a page with JS is read
  // the same way here: the same shape is the same check, whichever project met it first.
  // A path's ids and tokens (a case, a phone's session) do not make it another page.
  const key = `${viewport.width}x${viewport.height} ${p.replace(/[\w-]{16,}/g, '0')} ${exclude.join(',')}\n${markupShape(markup)}`;
  const { stats } = axeWorker.clean;
  if (axeWorker.clean.has(key)) {
    stats.skipped += 1;
    return p;
  }
  const started = performance.now();
  // Axe runs scripts in the page; without JS it runs on a copy of the markup.
  const target = javaScriptEnabled ? page : await axeWorker.render(url, markup, viewport);
  const builder = new AxeBuilder({ page: target }).withTags(AXE_TAGS).setLegacyMode(true);
  for (const selector of exclude) builder.exclude(selector);
  const results = await builder.analyze();
  const blocking = results.violations
    .filter((v) => BLOCKING_IMPACTS.has(v.impact ?? ''))
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`.trim()),
    }));
  stats.checked += 1;
  stats.ms += performance.now() - started;
  expect(blocking, `axe: serious/critical violations on ${url}${label ? ` (${label})` : ''}`).toEqual([]);
  axeWorker.clean.add(key);
  return p;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  axeWorker: [
    async ({ browser }, provide, workerInfo) => {
      const worker = new AxeWorker(browser, new CleanShapes(path.join(workerInfo.project.outputDir, '.axe-clean')));
      await provide(worker);
      await worker.close();
      const { checked, skipped, ms } = worker.clean.stats;
      console.log(`axe, worker ${workerInfo.workerIndex}: ${checked} pages checked in ${(ms / 1000).toFixed(1)} s, ${skipped} skipped (shape already checked)`);
    },
    { scope: 'worker' },
  ],

  checkA11y: async ({ page, javaScriptEnabled, axeWorker }, provide, testInfo) => {
    const checked = new Set<string>();
    const visited = new Set<string>();
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      const p = pathOf(frame.url());
      if (p) visited.add(p);
    });

    let shot = 0;
    const check: CheckA11y = async (label) => {
      const p = await axeCheck(page, javaScriptEnabled !== false, axeWorker, label);
      if (p) checked.add(p);
      // E2E_SHOTS_DIR=/tmp/shots: every checked page as a user saw it, to look at (not a test).
      if (process.env.E2E_SHOTS_DIR) {
        const name = `${testInfo.titlePath.slice(1).join(' ').replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}-${javaScriptEnabled === false ? 'nojs' : 'js'}-${String(++shot).padStart(2, '0')}-${(label ?? 'page').replace(/[^\p{L}\p{N}]+/gu, '-')}.png`;
        await page.screenshot({ path: path.join(process.env.E2E_SHOTS_DIR, name), fullPage: true });
      }
    };

    await provide(check);

    // The final page, unless the test already failed (its page may be anywhere).
    if (testInfo.status === testInfo.expectedStatus && !page.isClosed()) {
      await check('end of test');
      const unchecked = [...visited].filter((p) => !checked.has(p));
      expect(unchecked, 'pages visited but never checked with axe (call checkA11y() after reaching them)').toEqual([]);
    }
  },

  checkA11yOf: async ({ axeWorker }, provide) => {
    await provide(async (other, options = {}) => {
      await axeCheck(other, options.javaScriptEnabled !== false, axeWorker, options.label, options.exclude);
    });
  },

  a11yGuard: [
    async ({ page, checkA11y: _ensureEndCheck }, provide) => {
      const cspViolations: string[] = [];
      page.on('console', (message) => {
        const text = message.text();
        if (message.type() === 'error' && /Content Security Policy/i.test(text)) cspViolations.push(text);
      });
      await provide();
      expect(cspViolations, 'the browser reported Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** A fresh, unique address per call, so that journeys never share accounts. */
export function uniqueEmail(prefix = 'e2e'): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `${prefix}-${Date.now().toString(36)}-${random}@example.com`;
}

/**
 * With JS on, waits until React has hydrated the page and react-hook-form drives its forms
 * (data-enhanced, app/_components/use-action-form.tsx): before that a click posts the
 * plain form and only the server checks it.
 */
export async function waitForHydration(page: Page, javaScriptEnabled: boolean | undefined) {
  if (javaScriptEnabled === false) return;
  await expect
    .poll(() => page.getByRole('main').getByRole('button').first().evaluate((el) => Object.keys(el).some((k) => k.startsWith('__reactProps'))), {
      message: 'React hydrated the form',
    })
    .toBe(true);
  await expect(page.locator('form[data-enhanced="false"]'), 'react-hook-form drives every form').toHaveCount(0);
}

/** Opens `path` and checks it with axe. */
export async function visit(page: Page, checkA11y: CheckA11y, path: string): Promise<Response | null> {
  const response = await page.goto(path);
  await checkA11y();
  return response;
}

/** Submits a form with its button and waits for the server's answer (a server action with JS, a page without). */
export async function submitAndWait(page: Page, buttonName: string): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).origin === new URL(page.url()).origin),
    page.getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
  return response;
}

/** A message the product sent, as the simulator's inbox lists it (`GET /api/sim/inbox?to=`). */
export interface SimMessage {
  kind: 'email' | 'sms' | 'wechat';
  to: string;
  subject: string | null;
  body: string;
}

/**
 * Waits for the newest e-mail to `to` holding a link to `path` (the outbox worker sends
 * within a tick, 5 s) and answers that link as a path with its query, for `page.goto`.
 */
export async function mailedLink(request: APIRequestContext, to: string, path: '/verify-email' | '/reset-password', after = 0): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const response = await request.get('/api/sim/inbox', { params: { to } });
        const messages = (await response.json()) as SimMessage[];
        const links = messages
          .filter((m) => m.kind === 'email')
          .flatMap((m) => m.body.match(/https?:\/\/\S+/g) ?? [])
          .map((u) => new URL(u))
          .filter((u) => u.pathname === path);
        // Newest first: skip the links already used.
        link = links.length > after ? `${links[0]!.pathname}${links[0]!.search}` : undefined;
        return link;
      },
      { timeout: 30_000, intervals: [250, 500, 1000], message: `an e-mail to ${to} with a link to ${path}` },
    )
    .toBeDefined();
  return link!;
}

/**
 * Signs up through /register (the page 验证邮件已发送), then confirms the address the
 * cheap way — the link from the simulator's inbox API, opened and confirmed with its one
 * button — and lands on /login with 邮箱已验证. `confirm: false` stops at the page.
 */
export async function signUp(page: Page, checkA11y: CheckA11y, js: boolean | undefined, email: string, password = PASSWORD, options: { confirm?: boolean } = {}) {
  await visit(page, checkA11y, '/register');
  await waitForHydration(page, js);
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('确认密码').fill(password);
  const submit = async () => {
    await page.getByRole('button', { name: '注册', exact: true }).click();
    await expect(page).toHaveURL(/\/register\/sent$/);
    await expect(page.getByRole('heading', { level: 1, name: '验证邮件已发送' })).toBeVisible();
    await checkA11y('after sign-up');
    if (options.confirm !== false) await confirmEmail(page, checkA11y, js, email);
  };
  // The link lasts 24 h on the product clock: no other journey may jump it in between.
  if (options.confirm === false) await submit();
  else await withClockHeld(submit);
}

/** Opens the confirmation link mailed to `email` and presses 确认验证邮箱; lands on /login (signed out) or 账号信息. */
export async function confirmEmail(page: Page, checkA11y: CheckA11y, js: boolean | undefined, email: string) {
  await visit(page, checkA11y, await mailedLink(page.request, email, '/verify-email'));
  await waitForHydration(page, js);
  await page.getByRole('button', { name: '确认验证邮箱', exact: true }).click();
  await expect(page).toHaveURL(/\/login\?confirmed=1$|\/account$/);
  await checkA11y('address confirmed');
}

/** Signs in through /login (opening it unless it is already open) and lands on 账号信息. */
export async function signIn(page: Page, checkA11y: CheckA11y, js: boolean | undefined, email: string, password = PASSWORD) {
  if (pathOf(page.url()) !== '/login') await visit(page, checkA11y, '/login');
  await waitForHydration(page, js);
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: '账号信息' })).toBeVisible();
  await checkA11y('after sign-in');
}

/**
 * A new confirmed account of the journey's own, signed out on 登录. It comes from the pool
 * the server was started with (tests/e2e/account-pool.ts) — signing up through the pages is
 * the account journeys' subject —, or, when the pool is used up, is signed up (its e-mail
 * made from `label`) and confirmed through the pages.
 */
export async function newAccount(page: Page, checkA11y: CheckA11y, js: boolean | undefined, label: string): Promise<string> {
  // The pool of the server this journey's project runs against.
  const baseURL = test.info().project.use.baseURL;
  const pooled = claimPooledAccount(baseURL ? new URL(baseURL).port : undefined);
  if (pooled) {
    await visit(page, checkA11y, '/login');
    return pooled;
  }
  const email = uniqueEmail(label);
  await signUp(page, checkA11y, js, email);
  return email;
}

/** A new account of the journey's own (newAccount), signed in: the opening of most journeys. */
export async function newSignedInAccount(page: Page, checkA11y: CheckA11y, js: boolean | undefined, label: string): Promise<string> {
  const email = await newAccount(page, checkA11y, js, label);
  await signIn(page, checkA11y, js, email);
  return email;
}

// ---- Staff sign-in with 两步验证 (ADR 0024) ----

/** The demo staff's published TOTP secrets (scripts/seed.ts, README): a demo world only. */
export const DEMO_TOTP = {
  reviewer: 'REVIEWERDEMOTOTPSECRETKEYAAAAAAA',
  manager: 'MANAGERDEMOTOTPSECRETKEYAAAAAAAA',
} as const;

const TOTP_STEP_MS = 30_000;

/** The code an authenticator with `secret` shows `steps` time steps from now. */
export function totpCode(secret: string, steps = 0): string {
  return generateSync({ secret, epoch: Math.floor((Date.now() + steps * TOTP_STEP_MS) / 1000) });
}

/**
 * On /login/two-factor: types a code of `secret` and lands where the sign-in goes. A time
 * step is accepted once per account (replay refusal), and journeys in parallel workers sign
 * in the same demo reviewer. So: the current step's code; told it was used, the next
 * step's (the server accepts one step ahead); told that was used too, it waits for the
 * next step to begin (at most 30 s, and rare) and types the one after.
 */
export async function giveTwoFactorCode(page: Page, checkA11y: CheckA11y, js: boolean | undefined, secret: string) {
  await expect(page).toHaveURL(/\/login\/two-factor/);
  await checkA11y('two-factor step');
  await waitForHydration(page, js);
  const used = page.getByText('该动态验证码已使用过');
  const twoFactorUrl = page.url();
  const stepNow = () => Math.floor(Date.now() / TOTP_STEP_MS);
  let step = stepNow();
  for (let attempt = 0; attempt < 8; attempt++) {
    if (attempt > 0) {
      // Never more than one step ahead of the server's clock.
      if (step > stepNow() + 1) await page.waitForTimeout((step - 1) * TOTP_STEP_MS - Date.now() + 300);
      // A fresh page, so that the last attempt's message cannot be read as this one's answer.
      await page.goto(twoFactorUrl);
      await waitForHydration(page, js);
    }
    await page.getByLabel('动态验证码').fill(generateSync({ secret, epoch: step * (TOTP_STEP_MS / 1000) }));
    await page.getByRole('button', { name: '验证', exact: true }).click();
    const outcome = await Promise.race([
      page.waitForURL((url) => !url.pathname.startsWith('/login/two-factor'), { timeout: 20_000 }).then(
        () => 'left' as const,
        () => 'neither' as const,
      ),
      used.waitFor({ state: 'visible', timeout: 20_000 }).then(
        () => 'used' as const,
        () => 'neither' as const,
      ),
    ]);
    if (outcome === 'left') return;
    if (outcome === 'neither') throw new Error('the two-factor step answered neither a sign-in nor "code used"');
    step = Math.max(step + 1, stepNow());
  }
  throw new Error('no unused two-factor code after 8 tries');
}

/**
 * The session cookies of the demo staff's last sign-in in this worker. A time step's code is
 * accepted once per account (replay refusal), so every sign-in of the one demo reviewer costs a
 * step of 30 s shared by all workers; a journey that only needs a reviewer signed in reuses the
 * worker's live session instead (the sign-in itself is proven by staff.spec and two-factor.spec).
 */
const staffSessions = new Map<'reviewer' | 'manager', Cookie[]>();

/** Adds the worker's live session of `who` to the page's context; false when there is none (never signed in, or signed out since). */
async function reuseStaffSession(page: Page, checkA11y: CheckA11y, who: 'reviewer' | 'manager'): Promise<boolean> {
  const cookies = staffSessions.get(who);
  if (!cookies) return false;
  await page.context().addCookies(cookies);
  await page.goto('/account');
  if (pathOf(page.url()) !== '/account') {
    staffSessions.delete(who);
    await page.context().clearCookies();
    return false;
  }
  await expect(page.getByRole('heading', { level: 1, name: '账号信息' })).toBeVisible();
  await checkA11y('staff signed in (session reused)');
  return true;
}

/**
 * Signs in as a demo staff member (password, then the 两步验证 code) and lands on 账号信息 —
 * or, when this worker already holds a live session of theirs, opens 账号信息 with it.
 */
export async function signInStaff(page: Page, checkA11y: CheckA11y, js: boolean | undefined, who: 'reviewer' | 'manager') {
  if (pathOf(page.url()) !== '/login') {
    if (await reuseStaffSession(page, checkA11y, who)) return;
    await visit(page, checkA11y, '/login');
  }
  await waitForHydration(page, js);
  await page.getByLabel('邮箱').fill(DEMO[who].email);
  await page.getByLabel('密码', { exact: true }).fill(DEMO[who].password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await giveTwoFactorCode(page, checkA11y, js, DEMO_TOTP[who]);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole('heading', { level: 1, name: '账号信息' })).toBeVisible();
  await checkA11y('after staff sign-in');
  staffSessions.set(who, await page.context().cookies());
}

/**
 * Reviewers made by scripts/e2e-server.mjs (npm run user:create) without 两步验证, one per
 * project: the enrolment journey's own staff. A server reused from an earlier run has
 * them enrolled already — restart it to run that journey again.
 */
export function unenrolledStaffEmail(js: boolean | undefined): string {
  return `enrol-${js === false ? 'nojs' : 'js'}@e2e.example.com`;
}
