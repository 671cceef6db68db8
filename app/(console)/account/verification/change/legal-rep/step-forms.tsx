'use client';

import { ActionButton } from '@/app/_components/action-button';
import { ConsentForm } from '../change-forms';
import { openLegalRepSessionAction, returnToLegalRepDataAction } from './actions';

/** A new (or the same live) session of the new legal rep; 《人脸信息处理授权书》 when face still needs it. */
export function OpenSessionForm({ changeId, consentNeeded, label }: { changeId: string; consentNeeded: boolean; label: string }) {
  return <ConsentForm action={openLegalRepSessionAction} purpose={consentNeeded ? 'face' : null} fields={{ changeId }} label={label} pendingLabel="正在生成…" />;
}

/** 修改: back from the waiting page to the data (the open code is dropped). */
export function EditButton({ changeId }: { changeId: string }) {
  return <ActionButton action={returnToLegalRepDataAction} fields={{ changeId }} label="修改" variant="secondary" ariaLabel="修改新法人信息" />;
}
