// The messages-per-day chart's scales and day ticks, kept apart from uPlot (which needs a window).
// uPlot's defaults suit a line of measurements, not daily counts: its y range hugged the data (two days
// of 22 and 53 messages drew a 22 as a sliver above 18), its time ticks went down to hours (the French
// panel read "3 déc." six times along two days), and the first and last bars were cut in half at the edges.

const DAY = 86_400;

/** Tick spacings a day axis may use, in seconds: whole days, weeks, months (about), years. */
export const DAY_TICKS = [1, 2, 7, 14, 30, 61, 91, 182, 365, 730, 1826, 3652].map((d) => d * DAY);

type Range = (u: unknown, min: number, max: number) => [number, number];

/**
 * The period's days (`span`: its first and last local midnights, seconds) or the data's, whichever is
 * wider, and half a day on either side so the end bars show whole. Over the period, a quiet day shows
 * as a gap (two active days in "last 30 days" filled the whole axis as if nothing else existed).
 */
export const dayRange =
  (span?: readonly [number, number]): Range =>
  (_u, min, max) => [Math.min(min, span?.[0] ?? min) - DAY / 2, Math.max(max, span?.[1] ?? max) + DAY / 2];

/** Local midnight (seconds) of the day holding `ms`. */
export const localDay = (ms: number): number => {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime() / 1000;
};

/** Counts from zero: a bar's height is its count, not its distance from the smallest one. */
export const countRange: Range = (_u, _min, max) => [0, Math.max(1, max) * 1.1];
