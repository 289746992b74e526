// A real OpenID provider for Indsigt's sign-in tests: panva's oidc-provider with the device flow
// (RFC 8628), resource indicators (RFC 8707, so access tokens for the Indsigt API are JWTs), refresh
// tokens and revocation (RFC 7009). Development interactions stand in for MitID: any login is accepted,
// and the login is the account id (the `sub` of the token), so tests sign in as a demo citizen's subject.
//
// Usage: node provider.mjs PORT AUDIENCE
// With PORTAL_REDIRECT_URIS and PORTAL_LOGOUT_URIS (space separated), the portal's client `indsigt-portal`
// (code flow with PKCE) may come back to those addresses.
// With CPR_ACCOUNTS='{"login": {"cpr": "DDMMYYNNNN", "name": "Full Name"}}', the access tokens of those logins
// also carry the CPR number (NemLog-in's claim name) and the name, as a MitID broker's do. An account's
// "privileges" (base64 of an OIO Basic Privilege Profile list, as NemLog-in sends powers of attorney) goes
// in NemLog-in's privilegesIntermediate claim.
// With STAFF_ACCOUNTS='{"login": {"name": "Full Name", "roles": ["role"]}}', those logins are members of staff:
// their access tokens carry `roles` and `name`, as the municipality's staff issuer's would. The kiosk signs
// staff in with the client `indsigt-staff` (device flow).
// Prints "ready <issuer>" when it listens on 127.0.0.1:PORT.
import Provider, { errors } from 'oidc-provider';
import { generateKeyPairSync } from 'node:crypto';

const port = Number(process.argv[2]);
const audience = process.argv[3] || 'https://indsigt.test';
const issuer = `http://127.0.0.1:${port}`;

const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-es256', alg: 'ES256', use: 'sig' };

const CPR_CLAIM = 'https://data.gov.dk/model/core/eid/cprNumber';
const PRIVILEGES_CLAIM = 'https://data.gov.dk/model/core/eid/privilegesIntermediate';
const cprAccounts = JSON.parse(process.env.CPR_ACCOUNTS || '{}');
const staffAccounts = JSON.parse(process.env.STAFF_ACCOUNTS || '{}');

const configuration = {
  clients: [{
    client_id: 'indsigt-kiosk',
    client_name: 'Indsigt kiosk (test)',
    token_endpoint_auth_method: 'none',
    id_token_signed_response_alg: 'ES256',
    grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
    response_types: [],
    redirect_uris: [],
  }, {
    // Sign-in with a member of staff at the kiosk: the staff issuer's device flow.
    client_id: 'indsigt-staff',
    client_name: 'Indsigt kiosk, staff sign-in (test)',
    token_endpoint_auth_method: 'none',
    id_token_signed_response_alg: 'ES256',
    grant_types: ['urn:ietf:params:oauth:grant-type:device_code'],
    response_types: [],
    redirect_uris: [],
  }, {
    // The citizen's web pages: the code flow with PKCE, a public client, RP-initiated logout.
    client_id: 'indsigt-portal',
    client_name: 'Indsigt (test)',
    token_endpoint_auth_method: 'none',
    id_token_signed_response_alg: 'ES256',
    grant_types: ['authorization_code'],
    response_types: ['code'],
    redirect_uris: (process.env.PORTAL_REDIRECT_URIS || 'http://127.0.0.1:1/signin/callback').split(' '),
    post_logout_redirect_uris: (process.env.PORTAL_LOGOUT_URIS || 'http://127.0.0.1:1/signed-out').split(' '),
  }],
  jwks: { keys: [jwk] },
  scopes: ['openid', 'offline_access'],
  features: {
    devInteractions: { enabled: true },
    deviceFlow: { enabled: true },
    revocation: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: (ctx, resourceIndicator) => {
        if (resourceIndicator !== audience) throw new errors.InvalidTarget();
        return {
          scope: 'openid',
          audience: resourceIndicator,
          accessTokenTTL: Number(process.env.ACCESS_TOKEN_TTL || 300),
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'ES256' } },
        };
      },
    },
  },
  findAccount: async (ctx, id) => ({ accountId: id, async claims() { return { sub: id }; } }),
  extraTokenClaims: async (ctx, token) => {
    const staff = staffAccounts[token.accountId];
    if (staff) return { name: staff.name, roles: staff.roles };
    const account = cprAccounts[token.accountId];
    if (!account) return undefined;
    const claims = { [CPR_CLAIM]: account.cpr, name: account.name };
    if (account.privileges) claims[PRIVILEGES_CLAIM] = account.privileges;
    return claims;
  },
  issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
  ttl: { DeviceCode: Number(process.env.DEVICE_CODE_TTL || 600) },
};

const provider = new Provider(issuer, configuration);
provider.listen(port, '127.0.0.1', () => console.log(`ready ${issuer}`));
