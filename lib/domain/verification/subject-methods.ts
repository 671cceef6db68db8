import { ENTERPRISE_METHODS } from './enterprise-methods';
import { PERSONAL_METHODS } from './personal-methods';

/** How a subject was verified: a personal method (SPEC §4) or an enterprise one (SPEC §5.2). */
export const SUBJECT_METHODS = [...PERSONAL_METHODS, ...ENTERPRISE_METHODS] as const;
