/** The URL if it is http(s), else undefined: data from Discord should never be a javascript: link. */
export function safeUrl(url: string | null | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}
