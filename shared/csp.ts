/**
 * The renderer's Content Security Policy, identical in both hosts: the meta tag in
 * renderer/index.html (checked against this by a test) and the header the browser
 * host sends. No remote origins, no inline scripts, media only from the media route.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' veil-media:",
  "media-src 'self' veil-media:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
