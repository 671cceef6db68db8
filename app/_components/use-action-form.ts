'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { startTransition, useActionState, useEffect, useSyncExternalStore, type FormEvent } from 'react';
import { useForm, type FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/action';

const noopSubscribe = () => () => {};

type Action<T> = (prev: ActionResult<T>, formData: FormData) => Promise<ActionResult<T>>;

/**
 * One form, two modes. Without JS the <form action> posts to the server action and the
 * page re-renders with its result. With JS react-hook-form checks the same zod schema
 * first, then submits the same FormData through the same action.
 */
export function useActionForm<T>(
  schema: z.ZodType<unknown, FieldValues>,
  action: Action<T>,
  options: { defaults?: Record<string, string> } = {},
) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionResult<T>);
  // false while rendering on the server (and for no-JS users), true once hydrated
  const hydrated = useSyncExternalStore(noopSubscribe, () => true, () => false);
  // What the user typed before a failed submission wins over the stored defaults.
  const defaultValues = { ...options.defaults, ...(state.status === 'error' ? state.values : {}) };
  const form = useForm<FieldValues>({ resolver: zodResolver(schema as never), mode: 'onTouched', defaultValues });

  useEffect(() => {
    if (state.status !== 'error') return;
    for (const [name, message] of Object.entries(state.fieldErrors)) form.setError(name, { type: 'server', message });
  }, [state, form]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const element = event.currentTarget;
    void form.handleSubmit(() => {
      startTransition(() => formAction(new FormData(element)));
    })(event);
  }

  /** The field's message: react-hook-form's once hydrated, the server's before. */
  function errorFor(name: string): string | undefined {
    const clientMessage = form.formState.errors[name]?.message;
    if (hydrated) return typeof clientMessage === 'string' ? clientMessage : undefined;
    return state.status === 'error' ? state.fieldErrors[name] : undefined;
  }

  /** What the user typed before a failed submission (never passwords). */
  function valueOf(name: string, fallback = ''): string {
    return state.status === 'error' ? (state.values[name] ?? fallback) : fallback;
  }

  const formError = state.status === 'error' && Object.keys(state.fieldErrors).length === 0 ? state.message : undefined;
  /** The initial value of a field (uncontrolled inputs need it for the no-JS render). */
  function initial(name: string): string {
    return defaultValues[name] ?? '';
  }

  return { state, formAction, pending, form, onSubmit, errorFor, valueOf, initial, formError };
}
