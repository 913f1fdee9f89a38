// The page's Content-Security-Policy, and the header files for common hosts that carry it.
// One source for the build's hook (scripts/csp-headers.mjs) and the e2e server (e2e/server.mjs),
// so that the tests run under exactly the policy the hosts are told to send.

import { createHash } from 'node:crypto';

/** sha256 CSP sources ('sha256-…') of every inline <script> (one without src) in an HTML text. */
export function inlineScriptHashes(html) {
  const hashes = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (const m of html.matchAll(re)) {
    if (/\bsrc\s*=/i.test(m[1])) continue;
    // A data block (the page's data file, type="application/json") is never run.
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(m[1])?.[1].toLowerCase();
    if (type && type !== 'module' && !/(java|ecma)script/.test(type)) continue;
    // The HTML parser normalizes newlines before the browser hashes the text.
    const text = m[2].replace(/\r\n?/g, '\n');
    hashes.push(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  }
  return [...new Set(hashes)];
}

/** The policy for the pages `htmls` (their texts): every inline loader allowed by its hash. */
export function buildCsp(...htmls) {
  const hashes = [...new Set(htmls.flatMap(inlineScriptHashes))];
  return [
    "default-src 'self'",
    `script-src ${["'self'", "'wasm-unsafe-eval'", ...hashes].join(' ')}`,
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Headers every response of the graphic should carry, besides the policy. */
export const OTHER_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/**
 * The header files for hosts, by path under the build: Netlify and Cloudflare Pages read
 * `_headers` at the site's root; nginx includes a snippet; S3 + CloudFront take a
 * response-headers policy (its JSON for `aws cloudfront create-response-headers-policy`).
 */
export function headerFiles(csp) {
  const headers = { 'Content-Security-Policy': csp, ...OTHER_HEADERS };
  const lines = Object.entries(headers);
  return {
    _headers: `# Netlify / Cloudflare Pages: every response of the graphic.\n/*\n${lines
      .map(([name, value]) => `  ${name}: ${value}\n`)
      .join('')}`,
    'hosting/nginx.conf': `# nginx: include in the graphic's location block.\n${lines
      .map(([name, value]) => `add_header ${name} "${value}" always;\n`)
      .join('')}`,
    'hosting/cloudfront-response-headers.json': `${JSON.stringify(
      {
        Name: 'banan-infographic',
        Comment: 'Content-Security-Policy and other headers of the graphic',
        SecurityHeadersConfig: {
          ContentSecurityPolicy: { Override: true, ContentSecurityPolicy: csp },
          ContentTypeOptions: { Override: true },
          ReferrerPolicy: { Override: true, ReferrerPolicy: OTHER_HEADERS['Referrer-Policy'] },
        },
      },
      null,
      2,
    )}\n`,
    'hosting/csp.txt': `${csp}\n`,
  };
}
