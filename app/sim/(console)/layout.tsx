import type { ReactNode } from 'react';
import { SimNav } from '../_components/sim-nav';

/** The tester's console of the simulated world (SPEC §11). */
export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <SimNav />
      {children}
    </>
  );
}
