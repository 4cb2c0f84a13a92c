/**
 * The URL if it is http(s) and parses, else undefined: data from Discord should never be a javascript:
 * link, and a URL the browser cannot parse ("https://a.example:99999/") threw where its host was read.
 */
export function safeUrl(url: string | null | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) && URL.canParse(url) ? url : undefined;
}
