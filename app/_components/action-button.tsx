'use client';

import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import { FormMessage } from './field';

/**
 * One button that posts one server action with a few hidden fields — a plain <form>, so
 * it works without JavaScript; with it, the button shows `pendingLabel` while the action
 * runs. The action's error (Chinese, from the error table) appears above the button.
 */
export function ActionButton<T>(props: {
  action: (prev: ActionResult<T>, formData: FormData) => Promise<ActionResult<T>>;
  fields?: Record<string, string | null | undefined>;
  label: string;
  pendingLabel?: string;
  /** Shown instead of the label once the action succeeded (the button then stays disabled). */
  doneLabel?: string;
  variant?: 'primary' | 'secondary';
  small?: boolean;
  inline?: boolean;
  /** When the label alone does not say what the button acts on (删除 → 删除 2027 年的安排). */
  ariaLabel?: string;
}) {
  const [state, formAction, pending] = useActionState(props.action, { status: 'idle' });
  const done = props.doneLabel !== undefined && state.status === 'ok';
  const className = ['button', props.variant === 'secondary' ? 'secondary' : null, props.small ? 'small' : null].filter(Boolean).join(' ');
  return (
    <form action={formAction} className={props.inline ? 'inline-form' : undefined}>
      {Object.entries(props.fields ?? {}).map(([name, value]) => (value == null ? null : <input key={name} type="hidden" name={name} value={value} />))}
      <FormMessage error={state.status === 'error' ? state.message : undefined} />
      <button className={className} type="submit" disabled={pending || done} aria-disabled={pending || done} aria-label={props.ariaLabel}>
        {done ? props.doneLabel : pending && props.pendingLabel ? props.pendingLabel : props.label}
      </button>
    </form>
  );
}
