'use client';

import { startTransition, useActionState, useEffect, useSyncExternalStore, type FormEvent } from 'react';
import { useForm, type FieldValues, type Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult, Choices } from '@/lib/action';

const noopSubscribe = () => () => {};

type Action<T> = (prev: ActionResult<T>, formData: FormData) => Promise<ActionResult<T>>;

/** A form's zod schema, imported when first needed: `() => import('@/lib/schemas/auth').then((m) => m.loginSchema)`. */
export type SchemaLoader = () => Promise<z.ZodType<unknown, FieldValues>>;

/**
 * One form, two modes. Without JS the <form action> posts to the server action and the
 * page re-renders with its result. With JS react-hook-form checks the same zod schema
 * first, then submits the same FormData through the same action. zod and the resolver
 * are loaded on the first check (a blur or the submit), not with the page: they would
 * take a fifth of its first-load JavaScript (issue 19; README "Benchmarks").
 */
export function useActionForm<T>(
  loadSchema: SchemaLoader,
  action: Action<T>,
  options: { defaults?: Record<string, string>; choices?: Choices } = {},
) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ActionResult<T>);
  // false while rendering on the server (and for no-JS users), true once hydrated
  const hydrated = useSyncExternalStore(noopSubscribe, () => true, () => false);
  // What the user typed before a failed submission wins over the stored defaults.
  const defaultValues = { ...options.defaults, ...(state.status === 'error' ? state.values : {}) };
  const resolver: Resolver<FieldValues> = async (values, context, resolverOptions) => {
    const [{ zodResolver }, schema] = await Promise.all([import('@hookform/resolvers/zod'), loadSchema()]);
    return (zodResolver(schema as never) as Resolver<FieldValues>)(values, context, resolverOptions);
  };
  const form = useForm<FieldValues>({ resolver, mode: 'onTouched', defaultValues });

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

  /** A select's options that follow what was typed: the action's after an error, else the page's for the defaults. */
  function choices(name: string): Choices[string] {
    return (state.status === 'error' && state.choices ? state.choices[name] : options.choices?.[name]) ?? [];
  }

  return { state, formAction, pending, form, onSubmit, errorFor, valueOf, initial, choices, formError };
}
