// Cutting text short without cutting a secret in two. The redactor matches whole secrets only: a bot
// token cut at a reply's 199-character quote left 34 of its 36 characters in the panel and the store
// (with the last four the settings show, all of it). A bot token, a generated access token, a hex or
// base64url key is one run of letters, digits and `_-.`: a cut inside such a run, when it is long enough
// to hold a secret, moves back to the run’s start. Other text (a link: `:` and `/` break the run) is cut
// where asked.

const SECRET_CHAR = /[A-Za-z0-9_.-]/;
/** The redactor's shortest secret: a shorter run cannot hold one. */
const SHORTEST_SECRET = 8;

/** At most `max` characters of `text` (UTF-16 units), never ending inside a run that could hold a secret. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const inside = (i: number) => i >= 0 && i < text.length && SECRET_CHAR.test(text[i]!);
  let start = max;
  while (inside(start - 1)) start--;
  let end = max;
  while (inside(end)) end++;
  const cut = end - start >= SHORTEST_SECRET && start < max ? start : max;
  return text.slice(0, cut);
}
