/**
 * 证照类型 (SPEC §5.1): 营业执照, or 非营业执照 (`other`: registration certificates,
 * licences, 三证合一 certificates of non-business organisations) — the registry
 * channel's own words (docs/channel-protocol.md). Their names are the catalogue's
 * `identity.licenceType.<type>`.
 */
export const LICENCE_TYPES = ['business_licence', 'other'] as const;
export type LicenceType = (typeof LICENCE_TYPES)[number];

export function isLicenceType(value: string): value is LicenceType {
  return (LICENCE_TYPES as readonly string[]).includes(value);
}

