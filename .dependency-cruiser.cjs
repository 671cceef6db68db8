/**
 * The feature modules' dependency rules (ARCHITECTURE.md "rooms per feature"; ADR 0027),
 * run by `npm run lint`. tests/integration/lint-boundaries.test.ts proves each rule fires.
 *
 * MODULE_ORDER lists lib/features/* from the bottom up: a module imports only modules
 * listed before it, so the modules cannot import each other in a circle. Where a lower
 * module needs code above it, it declares a plug point that lib/features/wiring.ts fills.
 */
const MODULE_ORDER = [
  'live', // status-change announcements (LISTEN/NOTIFY and wake-ups)
  'uploads', // private file store
  'channels', // sessions, requests and events of the external channels; the providers' port
  'notifications', // outbox, 站内信, webhooks
  'account', // sign-up, sign-in, sessions, two-step verification, profile, consents, balance
  'calendar', // the business-day calendar
  'review', // the back office's review cases
  'verification', // what the personal and enterprise wizards share (the change link, outcomes)
  'personal', // 个人实名认证
  'enterprise', // 企业实名认证 and its bank methods' common steps
  'recharge', // 企业对公充值
  'payout', // 对公打款
  'change', // 实名认证主体变更 (personal ↔ enterprise, rename, legal representative)
  'registry', // registry re-checks, ICP subject check
  'overview', // eligibility and the console's overview
  'privacy', // personal-data summary, 删除个人信息, retention
  'operations', // audit search and export, insights, readiness, backlog
];

const upward = MODULE_ORDER.map((module, i) => ({
  name: `module-order-${module}`,
  severity: 'error',
  comment: `lib/features/${module} may import only modules below it (${MODULE_ORDER.slice(0, i).join(', ') || 'none'}); reach upward through a plug point (wiring.ts).`,
  from: { path: `^lib/features/${module}/` },
  to: { path: `^lib/features/(${MODULE_ORDER.slice(i + 1).join('|') || '$^'})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Product code imports in no circle (issue 17): break it with a plug point or by moving the shared piece down.',
      from: { path: '^(app|lib|db|scripts)/', pathNot: '\\.test\\.tsx?$' },
      to: { circular: true },
    },
    {
      name: 'module-through-its-index',
      severity: 'error',
      comment: 'A feature module is used only through its public surface, lib/features/<module>/index.ts.',
      from: { path: '^lib/features/([^/]+)/' },
      to: { path: '^lib/features/[^/]+/', pathNot: ['^lib/features/$1/', '^lib/features/[^/]+/index\\.ts$'] },
    },
    {
      name: 'outside-through-index',
      severity: 'error',
      comment: 'Pages, actions, jobs and scripts use a feature module only through its index.ts.',
      from: { path: '^(app|db|scripts|lib/(?!features/))', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^lib/features/[^/]+/', pathNot: '^lib/features/[^/]+/index\\.ts$' },
    },
    {
      name: 'composition-root-on-top',
      severity: 'error',
      comment: 'Only entry points import the composition root (runtime.ts, wiring.ts); a module importing it would import every module.',
      from: { path: '^lib/features/[^/]+/' },
      to: { path: '^lib/features/(runtime|wiring)\\.ts$' },
    },
    {
      name: 'modules-unknown-to-the-order',
      severity: 'error',
      comment: 'Every folder under lib/features is listed in MODULE_ORDER (.dependency-cruiser.cjs).',
      from: { path: `^lib/features/(?!(${MODULE_ORDER.join('|')})/)[^/]+/` },
      to: {},
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.next|tests/e2e)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
