// The citizen's phone: opens verification_uri_complete and walks the provider's pages as a person would
// (confirm the code → log in → consent), over plain HTTP with cookies and manual redirects.
//
// Usage: node approve.mjs URL LOGIN [deny]
// Prints "approved" or "denied" and exits 0; anything else exits 1 with what it saw.
import { Walker, filled, forms } from './walker.mjs';

const [url, login, deny] = process.argv.slice(2);
const phone = new Walker();

let page = await phone.go('GET', url);
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
  const fields = filled(form, login);
  if (form.id === 'op.deviceConfirmForm' && deny === 'deny') {
    fields.abort = 'yes';
    aborted = true;
  }
  page = await phone.go('POST', new URL(form.action || page.url, page.url).toString(), fields);
}
console.error(`stuck at ${page.url} (${page.status}):\n${page.html.slice(0, 2000)}`);
process.exit(1);
