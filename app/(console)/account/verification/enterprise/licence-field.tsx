'use client';

import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { IMAGE_ACCEPT } from '@/lib/schemas/upload-fields';
import styles from './enterprise.module.css';
import { LICENCE_FIELD } from './form-fields';

export type LicenceStatus = { kind: 'uploading'; ahead?: number; storeOnly?: boolean } | { kind: 'stored' } | { kind: 'recognised' } | { kind: 'unrecognised' } | { kind: 'failed' };

type LicenceAnswer = { uploadId: string; name: string | null; code: string | null; failed: boolean };

const LICENCE_ROUTE = '/api/verification/enterprise/licence';
type Recognisable = 'enterpriseName' | 'code';

/**
 * 营业执照 (组织证照 for 非营业执照), SPEC §5.1 and R-E-OCR. With JS the chosen file is
 * uploaded at once, recognised on the server, and 企业名称 and the code are filled in
 * (fields the user typed are kept; when both are typed already it is only stored, with
 * nothing to wait for); a thumbnail shows what was stored. Recognition
 * failing is said gently and blocks nothing. Without JS the file travels with the form:
 * 上传并识别 stores and recognises it, 下一步 stores it if no licence is held yet. The
 * stored licence's id is the form's `licenceUploadId`.
 */
export function LicenceField(props: {
  form: UseFormReturn<FieldValues>;
  licenceType: string;
  error?: string;
  status: LicenceStatus | null;
  onStatus: (status: LicenceStatus | null) => void;
}) {
  const { form, onStatus } = props;
  const [localError, setLocalError] = useState<string>();
  // The value recognition last put into each field: a field still holding it may be refilled by the next licence.
  const filled = useRef<Partial<Record<Recognisable, string>>>({});
  const label = props.licenceType === 'other' ? '组织证照' : '营业执照';
  const uploadId = (form.watch('licenceUploadId') as string | undefined) ?? '';
  const error = localError ?? props.error;
  const fileRef = useRef<HTMLInputElement>(null);
  // react-hook-form holds the stored licence's id, registered here so that it takes this field's place in
  // the focus order; its "element" is the file input (a missing licence focuses it).
  // (One object for the component's life: react-hook-form re-attaches a ref that changes.)
  const [uploadIdTarget] = useState(() => ({ type: 'hidden', value: '', focus: () => fileRef.current?.focus() }));
  const { ref: uploadIdRef } = form.register('licenceUploadId');
  useEffect(() => {
    uploadIdRef(uploadIdTarget);
  }, [uploadIdRef, uploadIdTarget]);

  function fill(name: Recognisable, value: string | null) {
    if (!value) return;
    const current = String(form.getValues(name) ?? '').trim();
    if (current !== '' && current !== filled.current[name]) return;
    filled.current[name] = value;
    form.setValue(name, value, { shouldValidate: form.formState.isSubmitted, shouldDirty: true });
  }

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    setLocalError(undefined);
    form.clearErrors(['licenceUploadId', LICENCE_FIELD]);
    form.setValue('licenceUploadId', '');
    onStatus(null);
    if (!file) return;
    const refuse = (message: string) => {
      setLocalError(message);
      onStatus(null);
      input.value = '';
    };
    // The upload schema (zod) is loaded with the first file, not with the page (issue 19).
    const { uploadFileSchema } = await import('@/lib/schemas/upload');
    const check = uploadFileSchema.safeParse(file);
    if (!check.success) return refuse(check.error.issues[0]!.message);

    // Both fields typed by the user: recognition could fill nothing, so the licence is only stored.
    const typed = (['enterpriseName', 'code'] as const).every((name) => {
      const current = String(form.getValues(name) ?? '').trim();
      return current !== '' && current !== filled.current[name];
    });
    onStatus({ kind: 'uploading', storeOnly: typed });
    try {
      const body = new FormData();
      body.set('file', file);
      if (typed) body.set('recognise', 'no');
      // The answer streams: how many recognitions are ahead while this one waits, then the result.
      const res = await fetch(LICENCE_ROUTE, { method: 'POST', body, headers: { Accept: 'application/x-ndjson' } });
      const json = res.ok ? await readStream(res, (ahead) => onStatus({ kind: 'uploading', ahead })) : ((await res.json().catch(() => null)) as { error?: { message?: string } } | null);
      if (!res.ok || !json || !('uploadId' in json)) {
        return refuse((json && 'error' in json && json.error?.message) || `${label}上传失败，请稍后重试`);
      }
      form.setValue('licenceUploadId', json.uploadId, { shouldValidate: form.formState.isSubmitted });
      fill('enterpriseName', json.name);
      fill('code', json.code);
      onStatus(typed ? { kind: 'stored' } : json.failed ? { kind: 'failed' } : json.name || json.code ? { kind: 'recognised' } : { kind: 'unrecognised' });
    } catch {
      refuse(`网络异常，${label}上传失败，请重试`);
    }
  }

  const describedBy = ['licence-hint', 'licence-status', error ? 'licence-error' : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={LICENCE_FIELD}>{label}</label>
      <input
        type="file"
        id={LICENCE_FIELD}
        name={LICENCE_FIELD}
        accept={IMAGE_ACCEPT}
        onChange={onFile}
        ref={fileRef}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <input type="hidden" name="licenceUploadId" value={uploadId} />
      <div className="hint" id="licence-hint">
        请上传最新{label}，JPG 或 PNG 格式，大小不超过 5 M
      </div>
      <noscript>
        <div className={styles.noJsUpload}>
          <button className="button secondary" type="submit" name="intent" value="upload">
            上传并识别
          </button>
          <span className="hint">选择文件后点击“上传并识别”，将自动填写企业名称和代码</span>
        </div>
      </noscript>
      <div id="licence-status" className={styles.status} aria-live="polite">
        <StatusText status={props.status} label={label} />
      </div>
      {error ? (
        <div className="error" id="licence-error">
          {error}
        </div>
      ) : null}
      {uploadId ? (
        // eslint-disable-next-line @next/next/no-img-element -- a private upload served by its own authorised route
        <img className={styles.thumb} src={`/api/uploads/${uploadId}`} alt={`已上传的${label}`} />
      ) : null}
    </div>
  );
}

function StatusText({ status, label }: { status: LicenceStatus | null; label: string }) {
  if (!status) return null;
  switch (status.kind) {
    case 'uploading':
      if (status.storeOnly) return <span className={styles.progress}>正在上传{label}…</span>;
      return <span className={styles.progress}>{status.ahead ? `正在识别${label}，前面还有 ${status.ahead} 份` : `正在识别${label}…`}</span>;
    case 'stored':
      return <span>已上传{label}</span>;
    case 'recognised':
      return <span>已识别{label}，已自动填写识别到的企业名称和代码，请核对</span>;
    case 'unrecognised':
      return <span>未能从图片中识别出企业名称和代码，请手动填写（不影响继续认证）</span>;
    case 'failed':
      return <span>识别失败，请重新上传或手动填写</span>;
  }
}

/** Reads the route's NDJSON answer: `{ahead}` lines to `onAhead`, then the result (null if the stream broke off). */
async function readStream(res: Response, onAhead: (ahead: number) => void): Promise<LicenceAnswer | null> {
  if (!res.body) return null;
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return null;
    buffered += value;
    let end;
    while ((end = buffered.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffered.slice(0, end)) as { ahead: number } | LicenceAnswer;
      buffered = buffered.slice(end + 1);
      if ('uploadId' in line) return line;
      onAhead(line.ahead);
    }
  }
}
