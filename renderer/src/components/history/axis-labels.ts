// The statistics chart's axis labels, formatted for the panel's language (kept apart from uPlot, which needs a window).
/**
 * The axes' labels in the panel's language: days as "5 nov." (with the year when the ticks span two),
 * counts as "1 000" (uPlot's own labels were US English: "11/5", "1,000").
 */
export function axisLabels(locale: string): { days: (seconds: number[]) => string[]; counts: (values: number[]) => string[] } {
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
  const dayYear = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
  const number = new Intl.NumberFormat(locale);
  return {
    days: (seconds) => {
      const years = new Set(seconds.map((s) => new Date(s * 1000).getFullYear()));
      const format = years.size > 1 ? dayYear : day;
      return seconds.map((s) => format.format(s * 1000));
    },
    counts: (values) => values.map((v) => number.format(v)),
  };
}
