// A person's phone over plain HTTP, for the test scripts: a cookie jar kept per origin, manual redirects
// followed one by one, and the forms of a page read as the provider and the portal draw them.

export class Walker {
  // `before(target)` is called before each request; it may end the walk (e.g. at a callback).
  constructor(before = () => {}) {
    this.jar = new Map();
    this.before = before;
  }

  cookieHeader(target) {
    const origin = new URL(target).origin;
    return [...this.jar].filter(([, c]) => c.origin === origin).map(([k, c]) => `${k}=${c.value}`).join('; ');
  }

  // The cookies held for `origin`, as { name: value }.
  cookiesOf(origin) {
    return Object.fromEntries([...this.jar].filter(([, c]) => c.origin === origin).map(([k, c]) => [k, c.value]));
  }

  async go(method, target, form) {
    this.before(target);
    const res = await fetch(target, {
      method,
      redirect: 'manual',
      headers: {
        cookie: this.cookieHeader(target),
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
      if (gone) this.jar.delete(name);
      else this.jar.set(name, { value, origin: new URL(target).origin });
    }
    if (res.status >= 300 && res.status < 400) {
      return this.go('GET', new URL(res.headers.get('location'), target).toString());
    }
    return { url: target, status: res.status, html: await res.text() };
  }
}

// The forms of a page: { action, fields, id } each, with the inputs' names and values.
export function forms(html) {
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

// The fields of `form` with the provider's login filled in (its dev interactions check no password).
export function filled(form, login) {
  const fields = { ...form.fields };
  if ('login' in fields) {
    fields.login = login;
    fields.password = 'not-checked';
  }
  return fields;
}
