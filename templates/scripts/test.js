// gen-postman: fails a request sent without a token because the token request was refused or
// failed (the pre-request script records why), and any request the API refuses, so CI notices.
// A request marked "No Auth" (an API's public operations) carries no token: the next two do not apply.
if (!(pm.request.auth && pm.request.auth.type === 'noauth')) {
  pm.test('gen-postman: an access token was obtained', () => {
    const error = pm.collectionVariables.get('accessTokenError');
    if (error) {
      throw new Error(error);
    }
  });
  pm.test('the API accepts the token (not 401 or 403)', () => {
    pm.expect(pm.response.code, 'HTTP status').to.not.be.oneOf([401, 403]);
  });
}
