import '@testing-library/jest-dom/vitest';
import { notifications } from '@mantine/notifications';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { resetActingFor } from '@/lib/acting-for';
import { i18n, loadAllLanguages } from '@/lib/i18n';
import { liveConnection } from '@/lib/live-connection';
import { userManager } from '@/lib/oidc';
import { mockLiveConnection } from './live-mock';

// Note: pages load lazily; on 2 shared cores under load the first render can take seconds. findBy*/waitFor wait up
// to 15 s for what the user would eventually see, instead of failing a correct page for being slow.
configure({ asyncUtilTimeout: 15_000 });

// Note: the app downloads only the active language; tests switch languages synchronously, so both are loaded here.
await loadAllLanguages();

// jsdom lacks these browser APIs that Mantine uses.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList,
});

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
window.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
window.HTMLElement.prototype.scrollIntoView ??= function scrollIntoView(): void {};
window.scrollTo = (() => undefined);
// jsdom has no FontFaceSet; Mantine's autosizing Textarea listens to document.fonts.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => undefined, removeEventListener: () => undefined, ready: Promise.resolve() },
  });
}

beforeEach(async () => {
  // Note: no test may leave the page for the real authorization server.
  vi.spyOn(userManager, 'signinRedirect').mockResolvedValue(undefined);
  vi.spyOn(userManager, 'signoutRedirect').mockResolvedValue(undefined);
  vi.spyOn(userManager, 'signinSilent').mockResolvedValue(null);
  // Note: nor fetch the discovery document (lib/oidc.ts reads it ahead of a sign-in).
  vi.spyOn(userManager.metadataService, 'getMetadata').mockResolvedValue({});
  // Note: nor open a real SignalR connection (tests that drive it call mockLiveConnection() themselves).
  mockLiveConnection();
  await i18n.changeLanguage('en');
});

afterEach(async () => {
  cleanup();
  await liveConnection.stop();
  notifications.clean();
  await userManager.removeUser();
  window.localStorage.clear();
  window.sessionStorage.clear();
  resetActingFor();
});
