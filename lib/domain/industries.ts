/**
 * The fixed industry list (所属行业 on 账号信息, 行业信息 in the personal wizard). Their names
 * (what the form posts and the account stores) are the catalogue's `industry.<code>`
 * (lib/messages/zh-CN/industries.ts).
 */
export const INDUSTRIES = [
  'internet_it',
  'ecommerce',
  'gaming',
  'culture_media',
  'finance',
  'education',
  'healthcare',
  'public_service',
  'manufacturing',
  'transport_logistics',
  'retail_wholesale',
  'real_estate_construction',
  'energy_chemicals',
  'agriculture',
  'catering_travel_hotel',
  'individual_developer',
  'other',
] as const;
