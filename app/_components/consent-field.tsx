import type { InputHTMLAttributes } from 'react';
import { consentValue, type ConsentPurpose } from '@/lib/domain/consent';
import { formatEntry } from '@/lib/messages/format';
import { consentMessages } from '@/lib/messages/zh-CN/consent';

/**
 * The separate consent (SECURITY 17) inside the form that starts collecting the data: a
 * checkbox posting the text's version as `consent`, the text itself one click away, and
 * the field's error tied to it. `inputProps` lets react-hook-form register the box.
 */
export function ConsentField(props: { purpose: ConsentPurpose; error?: string; defaultChecked?: boolean; inputProps?: InputHTMLAttributes<HTMLInputElement> }) {
  const describedBy = ['consent-text', props.error ? 'consent-error' : null].filter(Boolean).join(' ');
  const purpose = { purpose: props.purpose };
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
        <label htmlFor="consent">{formatEntry(consentMessages['consent.label'], purpose)}</label>
      </div>
      <details className="consent-text" id="consent-text">
        <summary>{formatEntry(consentMessages['consent.show'], purpose)}</summary>
        <p>{consentMessages[`consent.${props.purpose}.body`]}</p>
      </details>
      {props.error ? (
        <div className="error" id="consent-error">
          {props.error}
        </div>
      ) : null}
    </div>
  );
}
