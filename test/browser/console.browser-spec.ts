import type { Browser, Page } from 'playwright-core';
import { readFixture } from '../fixtures/open-badges/helpers';
import { chromiumAvailable, CHROMIUM_PATH, documentScreenshot, ensureConsoleBuilt, journey, launchChromium, offlineContext, seriousViolations } from '../support/browser';
import { ok, startTestApp, TestApp } from '../support/test-app';

/** The README's demo job and learner (stable ids). */
const DEMO_JOB = 'fa3edf11-d96c-5237-8a86-9f12f8b73c40';
const DEMO_LEARNER = '82e411d0-2065-57ca-abd0-2b37712efe88';
/** A signed Open Badges 3.0 fixture (eddsa-rdfc-2022, did:key): imports as VERIFIED. */
const SIGNED_BADGE = 'v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-alignments.json';

const available = chromiumAvailable();
if (!available) {
  process.stderr.write(`browser tests skipped: no chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)\n`);
}
const suite = available ? describe : describe.skip;

suite('the web console in headless chromium, offline', () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  let jobTitle: string;

  beforeAll(async () => {
    ensureConsoleBuilt();
    [t, browser] = await Promise.all([startTestApp(), launchChromium()]);
    origin = t.url.replace(/\/graphql$/, '');
    jobTitle = ok(await t.gql(`query($id: ID!) { job(id: $id) { title } }`, { id: DEMO_JOB })).job.title;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function open(path = '/') {
    const session = await offlineContext(browser, origin);
    await session.page.goto(`${origin}${path}`);
    return session;
  }

  async function expectAccessible(page: Page, screen: string) {
    const violations = await seriousViolations(page);
    expect({ screen, violations }).toEqual({ screen, violations: [] });
  }

  async function switchRole(page: Page, role: string) {
    await page.getByLabel('Demo role').selectOption(role);
  }

  it('opens on the jobs list as the demo recruiter; ranks, reads reasons, filters, masks and unmasks, pages', async () => {
    const { page, context, outside, errors } = await open('/');
    await journey(page, 'recruiter-ranking', async () => {
      await page.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor();
      await page.getByText('RECRUITER · demo-recruiter').waitFor();
      await page.getByRole('cell').first().waitFor();
      await expectAccessible(page, 'jobs list');

      // keyboard: the first Tab reaches the skip link, which moves the focus to the main content
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).toBe('Skip to content');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe('main');

      await page.getByLabel('Search jobs by title').fill('tester');
      await page.getByLabel('Search jobs by title').press('Enter');
      await page.getByText(/jobs? matching “tester”/).waitFor();
      await page.getByRole('link', { name: `Rank candidates for ${jobTitle}` }).click();
      await page.getByRole('heading', { name: `Ranking: ${jobTitle}` }).waitFor();
      await page.locator('li.match').first().waitFor();
      await documentScreenshot(page, 'recruiter-ranking');

      const first = page.locator('li.match').first();
      const name = (await first.locator('h2').textContent())!;
      expect(name).not.toMatch(/^Candidate /);
      expect(await first.locator('.summary').textContent()).toMatch(/mandatory requirement/);
      await first.getByText('Reasons per requirement').click();
      const reasons = await first.locator('.reasons li').allTextContents();
      expect(reasons.length).toBeGreaterThan(0);
      expect(reasons.join('\n')).toMatch(/counts \d\.\d\d towards|No evidence for/);
      await expectAccessible(page, 'ranking');

      // meets mandatory only: every shown candidate meets them
      await page.getByLabel('Meets mandatory only').check();
      const tags = await page.locator('li.match .tag').allTextContents();
      for (const tag of tags) expect(tag).toBe('meets mandatory');

      // pagination
      await page.getByLabel('Meets mandatory only').uncheck();
      // the page of ten as shown (names can repeat among demo people, so the whole page is compared)
      const pageOne = async () => (await page.locator('li.match').allTextContents()).join('\n');
      await page.getByText(/showing 1–/).waitFor();
      const firstPage = await pageOne();
      await page.getByRole('button', { name: 'Next page' }).click();
      await page.getByText(/showing 11–/).waitFor();
      let secondPage = await pageOne();
      for (let tries = 0; secondPage === firstPage && tries < 50; tries++) secondPage = await page.waitForTimeout(100).then(pageOne);
      expect(secondPage).not.toBe(firstPage);
      await page.getByRole('button', { name: 'Previous page' }).click();
      await page.getByText(/showing 1–/).waitFor();

      // blind review, then an audited unmask of the first candidate
      await page.getByLabel('Blind review (names masked)').check();
      await page.locator('li.match h2', { hasText: /^Candidate / }).first().waitFor();
      const maskedFirst = page.locator('li.match').first();
      await maskedFirst.getByLabel('Reason for unmasking (audited)').fill('shortlisted for interview');
      await maskedFirst.getByRole('button', { name: 'Unmask' }).click();
      await page.locator('li.match').first().locator('h2', { hasText: name }).waitFor();
    });
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('creates a job from a posting through the review step, and edits it', async () => {
    const { page, context, outside } = await open('/');
    await journey(page, 'recruiter-posting', async () => {
      await page.getByRole('link', { name: 'Job from a posting' }).first().click();
      await page.getByLabel('Job title').fill('Junior accessibility tester (browser test)');
      await page.getByLabel('Posting text').fill('We need someone who knows ICT accessibility standards and can measure software usability.');
      await page.getByRole('button', { name: 'Find skills' }).click();
      await page.getByRole('heading', { name: 'Review the skills found in the posting' }).waitFor();
      const rows = page.locator('table.requirements tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
      expect(await rows.first().textContent()).toMatch(/confidence \d\.\d\d/);
      await expectAccessible(page, 'posting review');
      const firstSkill = (await rows.first().locator('th').textContent())!;
      await page.getByLabel(`Level of ${firstSkill}`).selectOption('4');
      await page.getByLabel(`${firstSkill} is mandatory`).check();
      await page.getByLabel('Add a skill: search the taxonomy').fill('accessibility');
      await page.getByRole('button', { name: 'Search skills' }).click();
      await page.getByRole('list', { name: 'Skills found' }).locator('button:enabled').first().click();
      const count = await rows.count();
      await page.getByRole('button', { name: 'Create job' }).click();
      await page.getByRole('heading', { name: 'Ranking: Junior accessibility tester (browser test)' }).waitFor();

      const jobs = ok(await t.gql(`{ jobs(search: "Junior accessibility tester (browser test)", first: 2) { edges { node { id requirements { level mandatory skill { name } } } } } }`)).jobs.edges;
      expect(jobs).toHaveLength(1);
      const job = jobs[0].node;
      expect(job.requirements).toHaveLength(count);
      expect(job.requirements.find((r: any) => r.skill.name === firstSkill)).toMatchObject({ level: 4, mandatory: true });

      await page.goto(`${origin}/#/jobs/${job.id}/edit`);
      await page.waitForFunction(() => (globalThis as any).document.querySelector('#job-title')?.value === 'Junior accessibility tester (browser test)');
      expect(await page.locator('table.requirements tbody tr').count()).toBe(count);
      await page.getByLabel('Title').fill('Accessibility tester, edited in the browser');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.getByRole('heading', { name: 'Ranking: Accessibility tester, edited in the browser' }).waitFor();
    });
    expect(outside).toEqual([]);
    await context.close();
  });

  it('as the demo learner: skills with decay, credentials, the gap for a job, and a badge imported after a preview', async () => {
    const { page, context, outside, errors } = await open('/');
    await journey(page, 'learner', async () => {
      await page.getByText('RECRUITER · demo-recruiter').waitFor();
      await switchRole(page, 'LEARNER');
      await page.getByRole('heading', { name: /: my skills$/ }).waitFor();
      await page.locator('svg.decay').first().waitFor();
      expect(await page.locator('tbody tr').count()).toBeGreaterThan(1);
      await page.getByRole('heading', { name: 'My credentials' }).waitFor();
      await documentScreenshot(page, 'learner-skills');
      await expectAccessible(page, 'learner skills');

      await page.getByRole('link', { name: 'Gap for a job' }).click();
      await page.locator(`#job-picker option[value="${DEMO_JOB}"]`).waitFor({ state: 'attached' });
      await page.getByLabel('Job', { exact: true }).selectOption(DEMO_JOB);
      await page.getByRole('heading', { name: /My score/ }).waitFor();
      await page.getByRole('heading', { name: 'Credentials that would help' }).waitFor();
      const gap = ok(await t.gql(`query($c: ID!, $j: ID!) { skillGap(candidateId: $c, jobId: $j) { score gaps { requirement { id } } } }`, { c: DEMO_LEARNER, j: DEMO_JOB })).skillGap;
      await page.getByText(gap.score.toFixed(2), { exact: true }).first().waitFor();
      if (gap.gaps.length) expect(await page.getByRole('table').locator('tbody tr').count()).toBe(gap.gaps.length);
      await expectAccessible(page, 'learner gap');

      await page.getByRole('link', { name: 'Import a badge' }).click();
      await page.getByLabel('Badge (JSON or JWT)').fill(readFixture(SIGNED_BADGE));
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByRole('heading', { name: 'What will be recorded' }).waitFor();
      expect(await page.locator('dl.facts').textContent()).toMatch(/Open Badges 3\.0 credential/);
      await expectAccessible(page, 'badge preview');
      await page.getByRole('button', { name: 'Import this badge' }).click();
      await page.getByRole('heading', { name: 'Recorded', exact: true }).waitFor();
      // an intact proof from an issuer no ADMIN has trusted: unverified, the learner's own record
      expect(await page.getByRole('status', { name: 'Recorded', exact: true }).locator('.tag').textContent()).toBe('unverified');
    });
    const mine = ok(await t.gql(`query($c: ID!) { candidate(id: $c) { credentials { verification verificationChecks { name outcome } } } }`, { c: DEMO_LEARNER })).candidate.credentials;
    const checks = mine.find((c: any) => c.verificationChecks.length > 0);
    expect(checks.verification).toBe('UNVERIFIED');
    expect(checks.verificationChecks).toEqual(expect.arrayContaining([{ name: 'proof', outcome: 'PASS' }, { name: 'issuer-trust', outcome: 'FAIL' }]));
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('as the demo advisor: plans a pathway for a learner, sees it drawn, saves it and sees its progress', async () => {
    const { page, context, outside, errors } = await open('/');
    await journey(page, 'advisor', async () => {
      await page.getByText('RECRUITER · demo-recruiter').waitFor();
      await switchRole(page, 'ADVISOR');
      await page.getByRole('heading', { name: 'My learners' }).waitFor();
      await page.getByLabel('Learner', { exact: true }).selectOption(DEMO_LEARNER);
      await page.locator(`#plan-job option[value="${DEMO_JOB}"]`).waitFor({ state: 'attached' });
      await page.locator('#plan-job').selectOption(DEMO_JOB);
      await page.getByLabel('Target score (0–1)').fill('0.6');
      await page.getByRole('button', { name: 'Plan pathway' }).click();
      await page.getByRole('heading', { name: 'The pathway' }).waitFor();
      await page.locator('.mermaid-svg svg').waitFor();
      expect(await page.locator('.mermaid-svg svg g').count()).toBeGreaterThan(2);
      await page.getByLabel('Pathway name').fill('Towards accessibility testing');
      await page.getByRole('button', { name: 'Save pathway' }).click();
      await page.getByText('Saved “Towards accessibility testing”.').waitFor();
      await page.locator('.pathways li', { hasText: 'Towards accessibility testing' }).getByText('Progress:').waitFor();
      await page.getByRole('heading', { name: /^Renewals in the next/ }).waitFor();
      await documentScreenshot(page, 'advisor-pathway');
      await expectAccessible(page, 'advisor pathway');
    });
    const saved = ok(await t.gql(`query($c: ID!) { pathways(candidateId: $c) { name steps { position } } }`, { c: DEMO_LEARNER })).pathways;
    expect(saved.map((p: any) => p.name)).toContain('Towards accessibility testing');
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('signs in with a pasted token and refuses what is not one', async () => {
    const { page, context, outside } = await open('/');
    await journey(page, 'sign-in', async () => {
      await page.getByText('RECRUITER · demo-recruiter').waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.getByLabel('Bearer token').fill('not a token');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').getByText(/not a skillstack token/).waitFor();
      await expectAccessible(page, 'sign in');
      await page.getByLabel('Bearer token').fill(await t.token('ADVISOR', { sub: 'pasted-advisor' }));
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('ADVISOR · pasted-advisor').waitFor();
      await page.getByText(/No learner is assigned to you yet/).waitFor();
    });
    expect(outside).toEqual([]);
    await context.close();
  });

  it('serves GraphiQL at /graphql from its own assets, with the demo ADMIN token filled in', async () => {
    const { page, context, outside } = await open('/graphql');
    await journey(page, 'graphiql', async () => {
      await page.locator('.graphiql-container').waitFor();
      await page.locator('.graphiql-container', { hasText: 'Bearer ey' }).waitFor();
      await page.getByRole('button', { name: /execute query/i }).click();
      await page.locator('.result-window', { hasText: '"totalCount"' }).waitFor();
      expect(await page.locator('.result-window').textContent()).not.toMatch(/UNAUTHENTICATED/);
      await documentScreenshot(page, 'graphiql');
    });
    expect(outside).toEqual([]);
    await context.close();
  });
});

describe('the console over plain HTTP', () => {
  let t: TestApp;
  let dev: TestApp;
  beforeAll(async () => {
    ensureConsoleBuilt();
    // one after the other: in one process the embedded database is one PGlite instance (typeorm-pglite)
    t = await startTestApp({ env: { NODE_ENV: 'production' } });
    dev = await startTestApp();
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await dev?.close();
  });

  it('outside production: the console, its assets, GraphiQL for browsers, the demo tokens; GraphQL unchanged', async () => {
    const base = dev.url.replace(/\/graphql$/, '');
    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const html = await home.text();
    const scripts = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) {
      expect(src).toMatch(/^\/assets\//);
      expect((await fetch(`${base}${src}`)).status).toBe(200);
    }
    expect((await fetch(`${base}/assets/nothing-here.js`)).status).toBe(404);
    const graphiql = await fetch(dev.url, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toMatch(/GraphiQL/);
    const tokens = (await (await fetch(`${base}/console/demo-tokens`)).json()) as { role: string; sub: string; candidate: { id: string } | null }[];
    expect(tokens.map((d) => [d.role, d.sub])).toEqual([['ADMIN', 'demo-admin'], ['RECRUITER', 'demo-recruiter'], ['ADVISOR', 'demo-advisor'], ['LEARNER', 'demo-learner']]);
    expect(tokens[3].candidate?.id).toBe(DEMO_LEARNER);
    expect(ok(await dev.gql(`{ jobs(first: 1) { totalCount } }`)).jobs.totalCount).toBeGreaterThan(0);
    expect((await dev.raw(`{ jobs(first: 1) { totalCount } }`)).status).toBe(401);
  });

  it('in production: no demo tokens, no GraphiQL page', async () => {
    const base = t.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/console/demo-tokens`)).status).toBe(404);
    const graphiql = await fetch(t.url, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).not.toMatch(/GraphiQL/);
    const home = await fetch(`${base}/`);
    expect([200, 503]).toContain(home.status);
    if (home.status === 200) expect(home.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
  });
});
