import type { ReactNode } from 'react';
import { simPage } from './_lib';
import './sim.css';

/** The simulated world's pages: the console and the phone pages QR codes lead to. */
export default async function SimLayout({ children }: { children: ReactNode }) {
  await simPage();
  return <div className="sim">{children}</div>;
}
