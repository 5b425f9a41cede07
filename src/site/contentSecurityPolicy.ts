// The page's CSP (a meta tag, so it also applies from file://). Scripts only from the site's own files:
// no inline script, no eval (Vega runs its expression interpreter). Styles allow inline because the
// stylesheet is inlined into each page so that pages need no extra request.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
