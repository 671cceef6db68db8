/**
 * 开户银行 (SPEC R-E-PAY 1): the bank list of the payout form — the policy banks, the
 * large state-owned and joint-stock commercial banks, and the larger city banks. A bank
 * not listed is refused: a payout needs a bank the channel routes to. Their names (what
 * the form posts, the payout stores and the bank channel receives) are the catalogue's
 * `bank.<code>` (lib/messages/zh-CN/banks.ts).
 */
export const BANKS = [
  'icbc',
  'abc',
  'boc',
  'ccb',
  'bocom',
  'psbc',
  'cdb',
  'cexim',
  'adbc',
  'cmb',
  'spdb',
  'citic',
  'ceb',
  'hxb',
  'cmbc',
  'cgb',
  'cib',
  'pab',
  'czb',
  'hfb',
  'cbhb',
  'bob',
  'bosc',
  'jsb',
  'njcb',
  'nbcb',
  'hzcb',
  'hsb',
  'bjrcb',
  'shrcb',
  'szrcb',
  'webank',
  'mybank',
] as const;
