// The citizen's phone on the portal, without a browser: opens the kiosk's "continue online" link, follows
// the portal's sign-in link to the provider, logs in and consents as a person would, and comes back,
// over plain HTTP with its own cookie jar and manual redirects.
//
// Usage: node portal_phone.mjs URL LOGIN [stop]
// Prints one line of JSON: { url, status, cookies, html } of the page it ended on. With `stop`, it ends at
// the portal's callback without opening it: { callback, cookies } (for tests that replay or alter it).
import { Walker, filled, forms } from './walker.mjs';

const [start, login, stop] = process.argv.slice(2);
const portal = new URL(start).origin;
const phone = new Walker((target) => {
  if (stop === 'stop' && target.startsWith(`${portal}/signin/callback`)) {
    console.log(JSON.stringify({ callback: target, cookies: phone.cookiesOf(portal) }));
    process.exit(0);
  }
});

let page = await phone.go('GET', start);
const signin = page.html.match(/href="(\/signin\?[^"]*)"/);
if (!signin) {
  console.error(`no sign-in link at ${page.url} (${page.status}):\n${page.html.slice(0, 2000)}`);
  process.exit(1);
}
page = await phone.go('GET', new URL(signin[1].replaceAll('&amp;', '&').replaceAll('&#38;', '&'), page.url).toString());
for (let step = 0; step < 6 && !page.url.startsWith(portal); step += 1) {
  const [form] = forms(page.html);
  if (!form) break;
  page = await phone.go('POST', new URL(form.action || page.url, page.url).toString(), filled(form, login));
}
if (!page.url.startsWith(portal)) {
  console.error(`stuck at ${page.url} (${page.status}):\n${page.html.slice(0, 2000)}`);
  process.exit(1);
}
console.log(JSON.stringify({ url: page.url, status: page.status, cookies: phone.cookiesOf(portal), html: page.html }));
