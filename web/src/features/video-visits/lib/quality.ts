/** How a connection to one participant is doing, for the indicator in the call. */
export type Quality = 'good' | 'fair' | 'poor' | 'unknown';

export interface QualitySample {
  /** Round-trip time of the selected candidate pair, in milliseconds. */
  rttMs: number | null;
  /** Share of inbound packets lost since the previous sample (0..1). */
  lossRate: number | null;
  /** Decoded video frames per second from this participant. */
  framesPerSecond: number | null;
}

/**
 * Thresholds of what people notice in a video call: under 300 ms round trip and 2 % loss feels live; past 600 ms or
 * 8 % loss, speech overlaps and the picture freezes.
 */
export function assessQuality(sample: QualitySample): Quality {
  const { rttMs, lossRate, framesPerSecond } = sample;
  if (rttMs === null && lossRate === null) return 'unknown';
  const rtt = rttMs ?? 0;
  const loss = lossRate ?? 0;
  if (rtt > 600 || loss > 0.08 || (framesPerSecond !== null && framesPerSecond < 5)) return 'poor';
  if (rtt > 300 || loss > 0.02 || (framesPerSecond !== null && framesPerSecond < 12)) return 'fair';
  return 'good';
}

export interface InboundCounters {
  packetsReceived: number;
  packetsLost: number;
}

/** Reads a quality sample from an RTCStatsReport, given the counters of the previous sample (for loss since then). */
export function sampleFromStats(report: RTCStatsReport, previous: InboundCounters | null): { sample: QualitySample; counters: InboundCounters; framesDecoded: number } {
  let rttMs: number | null = null;
  let packetsReceived = 0;
  let packetsLost = 0;
  let framesPerSecond: number | null = null;
  let framesDecoded = 0;
  report.forEach((stat: Record<string, unknown>) => {
    if (stat.type === 'candidate-pair' && stat.state === 'succeeded' && (stat.nominated === true || stat.selected === true)) {
      if (typeof stat.currentRoundTripTime === 'number') rttMs = stat.currentRoundTripTime * 1000;
    }
    if (stat.type === 'inbound-rtp') {
      packetsReceived += typeof stat.packetsReceived === 'number' ? stat.packetsReceived : 0;
      packetsLost += typeof stat.packetsLost === 'number' ? Math.max(0, stat.packetsLost) : 0;
      if (stat.kind === 'video') {
        if (typeof stat.framesPerSecond === 'number') framesPerSecond = stat.framesPerSecond;
        if (typeof stat.framesDecoded === 'number') framesDecoded += stat.framesDecoded;
      }
    }
  });
  const counters = { packetsReceived, packetsLost };
  let lossRate: number | null = null;
  if (previous) {
    const received = packetsReceived - previous.packetsReceived;
    const lost = packetsLost - previous.packetsLost;
    lossRate = received + lost > 0 ? Math.max(0, lost) / (received + Math.max(0, lost)) : null;
  }
  return { sample: { rttMs, lossRate, framesPerSecond }, counters, framesDecoded };
}
