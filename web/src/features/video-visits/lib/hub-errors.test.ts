import { describe, expect, it } from 'vitest';
import { hubErrorCode } from './hub-errors';
import { mediaProblem } from './media-errors';

describe('hub refusals', () => {
  it('finds the stable code in what the SignalR client reports', () => {
    expect(hubErrorCode(new Error("An unexpected error occurred invoking 'JoinVisit' on the server. HubException: not_found: There is no such visit for you."))).toBe('not_found');
    expect(hubErrorCode(new Error('visit_finished: This visit has ended.'))).toBe('visit_finished');
    expect(hubErrorCode(new Error('WebSocket closed with status code: 1006'))).toBeNull();
    expect(hubErrorCode(undefined)).toBeNull();
  });
});

describe('camera and microphone problems', () => {
  it.each([
    ['NotAllowedError', 'blocked'],
    ['NotFoundError', 'notFound'],
    ['NotReadableError', 'inUse'],
    ['SecurityError', 'insecure'],
    ['TypeError', 'unsupported'],
    ['SomethingElse', 'unknown'],
  ] as const)('%s is explained as %s', (name, problem) => {
    expect(mediaProblem(new DOMException('x', name))).toBe(problem);
  });
});
