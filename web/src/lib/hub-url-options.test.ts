import { HttpTransportType } from '@microsoft/signalr';
import { describe, expect, it } from 'vitest';
import { hubUrlOptions } from './hub-url-options';

describe('hub connection options', () => {
  it('go straight to a WebSocket without negotiating, so no sticky sessions are needed behind a load balancer', async () => {
    const options = hubUrlOptions(() => Promise.resolve('token'), HttpTransportType.WebSockets);
    expect(options.skipNegotiation).toBe(true);
    expect(options.transport).toBe(HttpTransportType.WebSockets);
    expect(options.withCredentials).toBe(false);
    await expect(options.accessTokenFactory!()).resolves.toBe('token');
  });
});
