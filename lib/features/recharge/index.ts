export { applyIncomingTransfer } from './apply-incoming-transfer';
export { cancelRechargeInTx } from './cancel-recharge-verification';
export { expireDueRecharges } from './expire-due-recharges';
export { getRechargePage,  type RechargeView } from './get-recharge-page';
export { getRechargeStatus } from './get-recharge-status';
export { leaveRechargeVerification } from './leave-recharge-verification';
export { sendRechargeReceivingAccount } from './send-recharge-receiving-account';
export { startRechargeVerification } from './start-recharge-verification';
