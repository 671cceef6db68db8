export { checkIcpSubject } from './check-icp-subject';
export { dismissRegistryProposal } from './dismiss-registry-proposal';
export { getRegistryProposal, type RegistryProposalView } from './get-registry-proposal';
export { recheckEnterpriseRegistry } from './recheck-enterprise-registry';
