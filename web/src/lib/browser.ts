/**
 * Browser navigation that leaves the SPA (e.g. back to the authorization endpoint).
 * An object rather than a bare function so tests can `vi.spyOn(browser, 'redirectTo')`.
 */
export const browser = {
  redirectTo(url: string): void {
    window.location.assign(url);
  },
};
