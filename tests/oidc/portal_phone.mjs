// The citizen's phone on the portal, without a browser: opens the kiosk's "continue online" link, follows
// the portal's sign-in link to the provider, logs in and consents as a person would, and comes back,
// over plain HTTP with its own cookie jar and manual redirects.
//
// Usage: node portal_phone.mjs URL LOGIN [stop]
// Prints one line of JSON: { url, status, cookies, html } of the page it ended on. With `stop`, it ends at
// the portal's callback without opening it: { callback, cookies } (for tests that replay or alter it).
const [start, login, stop] = process.argv.slice(2);
const jar = new Map();
const portal = new URL(start).origin;

function cookieHeader(target) {
  const host = new URL(target).origin;
  return [...jar].filter(([, c]) => c.origin === host).map(([k, c]) => `${k}=${c.value}`).join('; ');
}

async function go(method, target, form) {
  if (stop === 'stop' && target.startsWith(`${portal}/signin/callback`)) {
    const cookies = Object.fromEntries([...jar].filter(([, c]) => c.origin === portal).map(([k, c]) => [k, c.value]));
    console.log(JSON.stringify({ callback: target, cookies }));
    process.exit(0);
  }
  const res = await fetch(target, {
    method,
    redirect: 'manual',
    headers: {
      cookie: cookieHeader(target),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  for (const c of res.headers.getSetCookie()) {
    const [pair, ...attrs] = c.split(';');
    const i = pair.indexOf('=');
    const name = pair.slice(0, i);
    const value = pair.slice(i + 1);
    const gone = attrs.some((a) => a.trim().toLowerCase() === 'max-age=0') || value === '';
    if (gone) jar.delete(name);
    else jar.set(name, { value, origin: new URL(target).origin });
  }
  if (res.status >= 300 && res.status < 400) {
    return go('GET', new URL(res.headers.get('location'), target).toString());
  }
  return { url: target, status: res.status, html: await res.text() };
}

function forms(html) {
  const out = [];
  for (const m of html.matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)) {
    const action = (m[1].match(/action="([^"]*)"/) || [])[1];
    const fields = {};
    for (const i of m[2].matchAll(/<input([^>]*)>/g)) {
      const name = (i[1].match(/name="([^"]*)"/) || [])[1];
      const value = (i[1].match(/value="([^"]*)"/) || [])[1] || '';
      if (name) fields[name] = value;
    }
    out.push({ action, fields });
  }
  return out;
}

let page = await go('GET', start);
const signin = page.html.match(/href="(\/signin\?[^"]*)"/);
if (!signin) {
  console.error(`no sign-in link at ${page.url} (${page.status}):\n${page.html.slice(0, 2000)}`);
  process.exit(1);
}
page = await go('GET', new URL(signin[1].replaceAll('&amp;', '&').replaceAll('&#38;', '&'), page.url).toString());
for (let step = 0; step < 6 && !page.url.startsWith(portal); step += 1) {
  const [form] = forms(page.html);
  if (!form) break;
  const fields = { ...form.fields };
  if ('login' in fields) {
    fields.login = login;
    fields.password = 'not-checked';
  }
  page = await go('POST', new URL(form.action || page.url, page.url).toString(), fields);
}
if (!page.url.startsWith(portal)) {
  console.error(`stuck at ${page.url} (${page.status}):\n${page.html.slice(0, 2000)}`);
  process.exit(1);
}
const cookies = Object.fromEntries([...jar].filter(([, c]) => c.origin === portal).map(([k, c]) => [k, c.value]));
console.log(JSON.stringify({ url: page.url, status: page.status, cookies, html: page.html }));
