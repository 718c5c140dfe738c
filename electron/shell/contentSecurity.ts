/**
 * The Content-Security-Policy for the renderer, served by the desktop app's app:// protocol and by the
 * browser host alike. No remote origin anywhere: the workstations are offline and the renderer must
 * never reach the network. Mantine writes inline <style> elements, hence 'unsafe-inline' for styles
 * only; scripts come from the bundle alone (no eval: zod runs jitless in the renderer).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
