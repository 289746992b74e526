// The citizen's phone: opens verification_uri_complete and walks the provider's pages as a person would
// (confirm the code → log in → consent), over plain HTTP with cookies and manual redirects.
//
// Usage: node approve.mjs URL LOGIN [deny]
// Prints "approved" or "denied" and exits 0; anything else exits 1 with what it saw.
const [url, login, deny] = process.argv.slice(2);
const cookies = new Map();

function cookieHeader() {
  return [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

async function go(method, target, form) {
  let res = await fetch(target, {
    method,
    redirect: 'manual',
    headers: {
      cookie: cookieHeader(),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const i = pair.indexOf('=');
    cookies.set(pair.slice(0, i), pair.slice(i + 1));
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
    out.push({ action, fields, id: (m[1].match(/id="([^"]*)"/) || [])[1] });
  }
  return out;
}

let page = await go('GET', url);
let aborted = false;
for (let step = 0; step < 8; step += 1) {
  if (aborted) {
    // The provider shows its code-entry page again after an abort; the kiosk's poll gets access_denied.
    console.log('denied');
    process.exit(0);
  }
  if (/Sign-in Success|successfully|Success/i.test(page.html) && !/<form/.test(page.html)) {
    console.log('approved');
    process.exit(0);
  }
  const [form] = forms(page.html);
  if (!form) break;
  const fields = { ...form.fields };
  if ('login' in fields) {
    fields.login = login;
    fields.password = 'not-checked';
  }
  if (form.id === 'op.deviceConfirmForm' && deny === 'deny') {
    fields.abort = 'yes';
    aborted = true;
  }
  page = await go('POST', new URL(form.action || page.url, page.url).toString(), fields);
}
console.error(`stuck at ${page.url} (${page.status}):\n${page.html.slice(0, 2000)}`);
process.exit(1);
