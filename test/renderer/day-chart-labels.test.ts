// The statistics chart's axes in the panel's language: uPlot's own labels are US English ("11/5",
// "1,000"), which the French panel showed.
import { describe, expect, it } from 'vitest';
import { axisLabels } from '../../renderer/src/components/history/axis-labels';

const at = (iso: string) => new Date(`${iso}T00:00`).getTime() / 1000;

describe('the per-day chart axes', () => {
  it('French: days as "5 nov.", counts as "1 000"', () => {
    const fr = axisLabels('fr');
    expect(fr.days([at('2026-11-05'), at('2026-11-10')])).toEqual(['5 nov.', '10 nov.']);
    expect(fr.counts([0, 1000, 12500])).toEqual(['0', '1\u202f000', '12\u202f500']);
  });

  it('English, and the year once the ticks span two', () => {
    const en = axisLabels('en');
    expect(en.days([at('2026-11-05')])).toEqual(['Nov 5']);
    expect(en.days([at('2025-12-30'), at('2026-01-02')])).toEqual(['Dec 30, 2025', 'Jan 2, 2026']);
    expect(en.counts([1000])).toEqual(['1,000']);
  });
});
