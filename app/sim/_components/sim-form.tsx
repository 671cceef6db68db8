'use client';

import { useActionState } from 'react';
import type { SimFormState } from '@/lib/simulators/form-action';

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'date' | 'datetime-local' | 'select' | 'checkbox';
  options?: readonly { value: string; label: string }[];
  hint?: string;
  placeholder?: string;
  defaultValue?: string;
  optional?: boolean;
}

type Action = (prev: SimFormState, formData: FormData) => Promise<SimFormState>;

/**
 * A console form: labelled fields, each error next to its field, what was typed kept
 * on an error. Posts to a server action through useActionState, so it works the same
 * without JavaScript (the page re-renders with the action's state).
 */
export function SimForm(props: {
  id: string;
  action: Action;
  fields: readonly FieldSpec[];
  submitLabel?: string;
  /** Several submit buttons, each sending its own value (e.g. clock jumps). */
  buttons?: readonly { name: string; value: string; label: string }[];
  hidden?: Record<string, string>;
}) {
  const [state, formAction, pending] = useActionState(props.action, { status: 'idle' } as SimFormState);
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const values = state.status === 'error' ? state.values : {};
  const fid = (name: string) => `${props.id}-${name}`;

  return (
    <form action={formAction} className="sim-form" aria-describedby={`${props.id}-status`}>
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {props.fields.map((f) => {
        const error = errors[f.name];
        const described = [f.hint ? `${fid(f.name)}-hint` : null, error ? `${fid(f.name)}-error` : null].filter(Boolean).join(' ') || undefined;
        const common = { id: fid(f.name), name: f.name, 'aria-invalid': error ? true : undefined, 'aria-describedby': described };
        const value = values[f.name] ?? f.defaultValue ?? '';
        return (
          <div className={f.type === 'checkbox' ? 'field checkbox' : 'field'} key={f.name}>
            {f.type === 'checkbox' ? (
              <label htmlFor={fid(f.name)}>
                <input type="checkbox" {...common} defaultChecked={values[f.name] === 'on' || f.defaultValue === 'on'} /> {f.label}
              </label>
            ) : (
              <>
                <label htmlFor={fid(f.name)}>
                  {f.label}
                  {f.optional ? <span className="muted">（选填）</span> : null}
                </label>
                {f.type === 'select' ? (
                  <select {...common} defaultValue={value} key={`${state.status}-${value}`}>
                    {f.options?.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input {...common} type={f.type ?? 'text'} defaultValue={value} key={`${state.status}-${value}`} placeholder={f.placeholder} required={!f.optional} />
                )}
              </>
            )}
            {f.hint ? (
              <div className="hint" id={`${fid(f.name)}-hint`}>
                {f.hint}
              </div>
            ) : null}
            {error ? (
              <div className="error" id={`${fid(f.name)}-error`}>
                {error}
              </div>
            ) : null}
          </div>
        );
      })}
      <div aria-live="polite" id={`${props.id}-status`}>
        {state.status === 'error' ? (
          <div className="form-error" role="alert">
            {state.message}
          </div>
        ) : null}
        {state.status === 'ok' ? <div className="form-ok">{state.message}</div> : null}
      </div>
      <div className="actions">
        {props.buttons ? (
          props.buttons.map((b) => (
            <button key={b.value} className="button secondary" type="submit" name={b.name} value={b.value} disabled={pending}>
              {b.label}
            </button>
          ))
        ) : (
          <button className="button" type="submit" disabled={pending}>
            {props.submitLabel ?? '提交'}
          </button>
        )}
      </div>
    </form>
  );
}
