// The citizen's phone, for real: Debian's Chromium (headless, 390 px wide), driven by playwright-core,
// opens the link from the kiosk's QR code, signs in at the OIDC provider as a demo citizen, lands on that
// view, pages through the access log, withdraws a consent, downloads the copy, signs out, presses Back.
// axe-core checks every page in both languages (WCAG 2.2 A and AA), and each page is saved as a
// screenshot.
//
// Usage: node portal.mjs URL LOGIN OUT_DIR
// Prints one line of JSON with what it saw; exits 1 on anything unexpected.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const [start, login, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
// bypassCSP lets axe's script in; the pages themselves allow no script at all.
const context = await browser.newContext({
  viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, bypassCSP: true, acceptDownloads: true,
});
const page = await context.newPage();
const result = { violations: [], pages: [] };

function fail(why) {
  console.error(why);
  process.exit(1);
}

async function check(name) {
  await page.addScriptTag({ content: axeSource });
  const found = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  for (const v of found) result.violations.push({ page: name, ...v });
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  result.pages.push(name);
}

// The landing page, from the QR code's link.
await page.goto(start);
await check('landing');
await page.click('a.button');
// The provider's login and consent pages (its development interactions stand in for MitID).
await page.fill('input[name="login"]', login);
await page.fill('input[name="password"]', 'not-checked');
await page.click('button[type="submit"]');
for (let i = 0; i < 3 && !page.url().startsWith(new URL(start).origin); i += 1) {
  await page.click('button[type="submit"]');
  await page.waitForLoadState();
}
result.landed = page.url();
result.lang = await page.getAttribute('html', 'lang');

// Every page in both languages.
const origin = new URL(start).origin;
const sections = ['overview', 'data', 'purposes', 'access-log', 'consents', 'requests', 'decisions', 'systems', 'rights', 'copy'];
for (const lang of ['da', 'en']) {
  for (const s of sections) {
    await page.goto(`${origin}/${s}?lang=${lang}`);
    if (page.url() !== `${origin}/${s}?lang=${lang}`) fail(`${s}: went to ${page.url()}`);
    await check(`${s}-${lang}`);
  }
  // One area, one category, one entry of the log.
  await page.goto(`${origin}/data?lang=${lang}`);
  await page.click('.card h2 a');
  await check(`area-${lang}`);
  await page.click('.card h2 a');
  await check(`category-${lang}`);
  await page.goto(`${origin}/access-log?lang=${lang}`);
  await page.click('.card h2 a');
  await check(`entry-${lang}`);
}

// Paging through the access log: the next page starts where the first ended.
await page.goto(`${origin}/access-log?lang=en`);
const first = await page.$$eval('.card h2 a', (as) => as.map((a) => a.getAttribute('href')));
await page.click('p.more a');
const second = await page.$$eval('.card h2 a', (as) => as.map((a) => a.getAttribute('href')));
result.paged = first.length > 0 && second.length > 0 && !second.some((h) => first.includes(h));
await check('access-log-older');

// Withdraw the first consent in force.
await page.goto(`${origin}/consents?lang=en`);
const action = await page.getAttribute('.card form', 'action');
if (!action) fail('no consent to withdraw');
result.withdrawn = Number(action.split('/')[2]);
await page.click('.card form button');
result.withdrawnNotice = (await page.textContent('.notice')) || '';
await check('consents-withdrawn');

// The copy of the data.
await page.goto(`${origin}/copy?lang=en`);
const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href^="/copy.json"]')]);
const file = `${out}/copy.json`;
await download.saveAs(file);
const copy = JSON.parse(readFileSync(file, 'utf8'));
result.copy = { format: copy.format, name: copy.name, entries: copy.access_log.length };
await page.goto(`${origin}/copy.html?lang=en`);
await check('copy-printable');
const personal = [copy.name, copy.cpr_masked].filter(Boolean);

// Sign out, here and at the provider, then Back.
await page.goto(`${origin}/overview?lang=en`);
await page.click('form.signout button');
for (let i = 0; i < 3 && !page.url().includes('/signed-out'); i += 1) {
  const yes = await page.$('button[autofocus], button[type="submit"]');
  if (!yes) break;
  await yes.click();
  await page.waitForLoadState();
}
result.signedOut = page.url();
await check('signed-out');
// Back, as far as the pages of the portal: none of them shows anything of the citizen now.
result.afterBack = [];
result.personalAfterBack = [];
for (let i = 0; i < 4; i += 1) {
  const went = await page.goBack().catch(() => null);
  if (!went) break;
  await page.waitForLoadState();
  const back = await page.content();
  result.afterBack.push(page.url());
  result.personalAfterBack.push(...personal.filter((p) => back.includes(p)));
  if (page.url().startsWith(origin) && !page.url().includes('/signed-out')) break;
}
writeFileSync(`${out}/result.json`, JSON.stringify(result, null, 2));
await browser.close();
console.log(JSON.stringify(result));
