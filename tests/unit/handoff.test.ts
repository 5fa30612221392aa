/**
 * The handoff between content loaders (src/loading/handoff.ts): courses wait for the notices loader's
 * result within one content sync. Prevents: a sync hanging forever on a round nobody publishes, and
 * courses checked against the notices of the previous sync.
 */
import { describe, expect, it } from 'vitest';
import { Handoff } from '../../src/loading/handoff.ts';

describe('handoff between content loaders', () => {
  it('gives a reader that asked before the publisher started the value of that round', async () => {
    const h = new Handoff<number>();
    const early = h.get();
    h.start();
    h.publish(1);
    expect(await early).toBe(1);
  });

  it('starts a new round on the next sync, so a later reader gets the new value', async () => {
    const h = new Handoff<number>();
    h.start();
    h.publish(1);
    h.start();
    const later = h.get();
    h.publish(2);
    expect(await later).toBe(2);
  });

  it('keeps the open round when the publisher starts twice before publishing', async () => {
    const h = new Handoff<string | undefined>();
    const reader = h.get();
    h.start();
    h.start();
    h.publish(undefined);
    expect(await reader).toBeUndefined();
  });
});
