import { describe, expect, it } from 'vitest';
import { assessQuality, sampleFromStats } from './quality';

function report(stats: Array<Record<string, unknown>>): RTCStatsReport {
  return new Map(stats.map((s, i) => [String(i), s]));
}

describe('connection quality', () => {
  it.each([
    [{ rttMs: 80, lossRate: 0, framesPerSecond: 30 }, 'good'],
    [{ rttMs: 400, lossRate: 0.01, framesPerSecond: 30 }, 'fair'],
    [{ rttMs: 100, lossRate: 0.05, framesPerSecond: 30 }, 'fair'],
    [{ rttMs: 700, lossRate: 0, framesPerSecond: 30 }, 'poor'],
    [{ rttMs: 50, lossRate: 0.2, framesPerSecond: 30 }, 'poor'],
    [{ rttMs: 50, lossRate: 0, framesPerSecond: 2 }, 'poor'],
    [{ rttMs: null, lossRate: null, framesPerSecond: null }, 'unknown'],
  ] as const)('%o is %s', (sample, expected) => {
    expect(assessQuality(sample)).toBe(expected);
  });

  it('reads round trip, loss since the last sample and decoded frames from getStats', () => {
    const first = sampleFromStats(
      report([
        { type: 'candidate-pair', state: 'succeeded', nominated: true, currentRoundTripTime: 0.12 },
        { type: 'inbound-rtp', kind: 'video', packetsReceived: 100, packetsLost: 0, framesDecoded: 40, framesPerSecond: 25 },
        { type: 'inbound-rtp', kind: 'audio', packetsReceived: 50, packetsLost: 0 },
      ]),
      null,
    );
    expect(first.sample).toEqual({ rttMs: 120, lossRate: null, framesPerSecond: 25 });
    expect(first.framesDecoded).toBe(40);

    const second = sampleFromStats(
      report([{ type: 'inbound-rtp', kind: 'video', packetsReceived: 190, packetsLost: 10, framesDecoded: 80 }]),
      first.counters,
    );
    expect(second.sample.lossRate).toBeCloseTo(10 / 50, 5);
  });
});
