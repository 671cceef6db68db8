import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

type Context = { params: Promise<{ nextauth: string[] }> };

// Built per request: the options read the environment, which `next build` does not have.
async function handler(req: Request, context: Context) {
  return NextAuth(authOptions())(req, { params: await context.params });
}

export { handler as GET, handler as POST };
