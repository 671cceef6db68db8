'use client';

import { ConsentForm } from '../change-forms';
import { openOldLegalRepFaceCheckAction } from './actions';

/** The old legal rep's face check (R-CHG-E1); 《人脸信息处理授权书》 asked once per request (SECURITY 17). */
export function OldLegalRepFaceForm({ changeId, consentNeeded, label }: { changeId: string; consentNeeded: boolean; label: string }) {
  return <ConsentForm action={openOldLegalRepFaceCheckAction} purpose={consentNeeded ? 'face' : null} fields={{ changeId }} label={label} pendingLabel="正在生成…" />;
}
