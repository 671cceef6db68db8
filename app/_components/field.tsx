import type { ReactNode } from 'react';

/** A mainland resident ID (居民身份证号) input's own attributes: typed, never completed or spell-checked by the browser. */
export const RESIDENT_ID_INPUT = { type: 'text', autoComplete: 'off', spellCheck: false, maxLength: 40, placeholder: '请填写18位二代身份证号码' } as const;

/** Attributes that bind an input to its label, hint and error (SPEC §12: errors tied to their field). */
export function fieldAttrs(name: string, error?: string, hint?: boolean) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ');
  return {
    id: name,
    name,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
}

/** A labelled form row: label, the control (children), an optional hint and the field's error. */
export function Field(props: { name: string; label: string; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={props.name}>{props.label}</label>
      {props.children}
      {props.hint ? (
        <div className="hint" id={`${props.name}-hint`}>
          {props.hint}
        </div>
      ) : null}
      {props.error ? (
        <div className="error" id={`${props.name}-error`}>
          {props.error}
        </div>
      ) : null}
    </div>
  );
}

/** The form-level message; announced by screen readers when it appears. */
export function FormMessage({ error, ok }: { error?: string; ok?: string }) {
  return (
    <div aria-live="polite">
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      {ok ? <div className="form-ok">{ok}</div> : null}
    </div>
  );
}
