import type { InputHTMLAttributes } from 'react';
import { CONSENT_TEXTS, consentLabel, consentValue, type ConsentPurpose } from '@/lib/domain/consent';

/**
 * The separate consent (SECURITY 17) inside the form that starts collecting the data: a
 * checkbox posting the text's version as `consent`, the text itself one click away, and
 * the field's error tied to it. `inputProps` lets react-hook-form register the box.
 */
export function ConsentField(props: { purpose: ConsentPurpose; error?: string; defaultChecked?: boolean; inputProps?: InputHTMLAttributes<HTMLInputElement> }) {
  const text = CONSENT_TEXTS[props.purpose];
  const describedBy = ['consent-text', props.error ? 'consent-error' : null].filter(Boolean).join(' ');
  return (
    <div className="field consent">
      <div className="consent-row">
        <input
          type="checkbox"
          id="consent"
          name="consent"
          value={consentValue(props.purpose)}
          defaultChecked={props.defaultChecked}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          {...props.inputProps}
        />
        <label htmlFor="consent">{consentLabel(props.purpose)}</label>
      </div>
      <details className="consent-text" id="consent-text">
        <summary>查看{text.title}</summary>
        <p>{text.body}</p>
      </details>
      {props.error ? (
        <div className="error" id="consent-error">
          {props.error}
        </div>
      ) : null}
    </div>
  );
}
