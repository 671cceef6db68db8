import Link from 'next/link';
import { ActionButton } from '@/app/_components/action-button';
import { getServiceContext } from '@/lib/features/runtime';
import { getRegistryProposal, type RegistryProposalView } from '@/lib/features/registry';
import { dismissRegistryProposalAction } from './actions';

const CHANGE = '/account/verification/change';

/** What the registry said, and the change that follows it (R-CHG-E2, R-CHG-E3, R-CHG-E1). */
function proposalText(p: RegistryProposalView): { text: string; href: string; link: string } {
  switch (p.kind) {
    case 'rename':
      return { text: `工商登记信息显示企业名称已变更为“${p.newName}”`, href: `${CHANGE}?type=enterprise_rename`, link: '变更企业名称' };
    case 'legal_rep':
      return { text: '工商登记信息显示法定代表人已变更', href: `${CHANGE}?type=legal_rep_update`, link: '更新企业法人信息' };
    case 'deregistered':
      return { text: '工商登记信息显示该企业已注销', href: `${CHANGE}?type=enterprise_to_enterprise`, link: '变更企业主体' };
  }
}

/**
 * SPEC §13 registry re-checks on 实名认证: the open proposal of the account's enterprise
 * subject, if any — the change that follows it, and 忽略 (a plain form: works without JS).
 */
export async function RegistryProposal({ accountId }: { accountId: string }) {
  const proposal = await getRegistryProposal(await getServiceContext(), accountId);
  if (!proposal) return null;
  const { text, href, link } = proposalText(proposal);
  return (
    <section className="panel" aria-labelledby="registry-proposal-title">
      <h2 id="registry-proposal-title">工商登记信息变更提醒</h2>
      <p className="warning" role="note">
        {text}。如需同步认证信息，请办理{link}；如信息有误，可忽略此提醒。
      </p>
      <div className="actions">
        <Link className="button" href={href}>
          {link}
        </Link>
        <ActionButton action={dismissRegistryProposalAction} fields={{ proposalId: proposal.id }} label="忽略" pendingLabel="正在处理…" variant="secondary" />
      </div>
    </section>
  );
}
