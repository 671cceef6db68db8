import type { Role } from '@/db/schema';

declare module 'next-auth' {
  interface User {
    sid: string;
    role: Role;
  }
  interface Session {
    sid?: string;
    accountId?: string;
    role?: Role;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
    role?: Role;
  }
}
