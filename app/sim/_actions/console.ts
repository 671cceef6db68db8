'use server';

import { createBankAccount, writeBankSettings } from '@/lib/simulators/bank/accounts';
import { makeTransfer } from '@/lib/simulators/bank/transfers';
import { moveWorldClock } from '@/lib/simulators/clock-control';
import { yuan } from '@/lib/simulators/display';
import { simFormAction } from '@/lib/simulators/form-action';
import { createOaAccount } from '@/lib/simulators/official-accounts';
import { createPhoneUser } from '@/lib/simulators/people';
import { createEnterprise, updateEnterprise } from '@/lib/simulators/registry/enterprises';
import {
  bankAccountFormSchema,
  bankSettingsFormSchema,
  clockFormSchema,
  enterpriseFormSchema,
  enterprisePatchFormSchema,
  oaAccountFormSchema,
  phoneUserFormSchema,
  transferFormSchema,
} from '@/lib/simulators/schemas/forms';
import { formatDateTimeFull } from '@/lib/format/date-time';

/** The simulator console's forms (/sim): the same functions and rules as the JSON API. */

export const createPhoneUserAction = simFormAction(phoneUserFormSchema, async ({ channel, ...user }, world) => {
  const id = await createPhoneUser(world, channel, user);
  return `已创建${channel === 'wechat' ? '微信' : 'QQ'}用户 ${user.name}（${id}）`;
});

export const createEnterpriseAction = simFormAction(enterpriseFormSchema, async (input, world) => {
  await createEnterprise(world, input);
  return `已登记 ${input.name}`;
});

export const updateEnterpriseAction = simFormAction(enterprisePatchFormSchema, async ({ code, ...patch }, world) => {
  const e = await updateEnterprise(world, code, patch);
  return `已更新 ${e.name}`;
});

export const createOaAccountAction = simFormAction(oaAccountFormSchema, async (input, world) => {
  const id = await createOaAccount(world, input);
  return `已创建公众号 ${input.name}（${id}）`;
});

export const createBankAccountAction = simFormAction(bankAccountFormSchema, async (input, world) => {
  await createBankAccount(world, input);
  return `已开立账户 ${input.number}`;
});

export const transferAction = simFormAction(transferFormSchema, async (input, world) => {
  const id = await makeTransfer(world, input);
  return `已转账 ¥${yuan(input.amountFen)}（${id}），已通知产品`;
});

export const bankSettingsAction = simFormAction(bankSettingsFormSchema, async (input, world) => {
  await writeBankSettings(world.db, input);
  return `打款到账时间已设为 ${input.payoutDelayBusinessDays} 个工作日`;
});

export const moveClockAction = simFormAction(clockFormSchema, async (move, world) => {
  const { now } = await moveWorldClock(world, move);
  return `时钟已调整为 ${formatDateTimeFull(new Date(now))}`;
});
