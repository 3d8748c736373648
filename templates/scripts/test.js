// gen-postman: fails the run when the API refuses the token, so CI notices.
pm.test('the API accepts the token (not 401 or 403)', () => {
  pm.expect(pm.response.code, 'HTTP status').to.not.be.oneOf([401, 403]);
});
