import Link from 'next/link';
import type { EligibilityResultData } from './actions';
import styles from './eligibility.module.css';
import { formatMonthDayTime } from '@/lib/format/date-time';

const MARK = { pass: '通过', fail: '不通过', unknown: '待确认' } as const;

/** One check's answer (SPEC §13): every row says what will work and, for what won't, why. */
export function EligibilityResult({ result }: { result: EligibilityResultData }) {
  const person = result.kind === 'person';
  const next = result.standing.next;
  return (
    <section className={`panel ${styles.result}`} aria-labelledby="result-title">
      <h2 id="result-title">检查结果</h2>
      <dl className="info">
        {result.enterpriseName ? (
          <>
            <dt>企业名称</dt>
            <dd>{result.enterpriseName}</dd>
          </>
        ) : null}
        <dt>{person ? '证件类型' : '证照类型'}</dt>
        <dd>{result.typeLabel}</dd>
        <dt>{result.numberLabel}</dt>
        <dd>{result.numberMasked}</dd>
      </dl>
      <p className={`${styles.verdict} ${result.canStart ? styles.yes : styles.no}`}>
        <strong>{result.canStart ? '可以认证' : '暂不能认证'}</strong>
        {result.summary}
      </p>
      {next && (result.canStart || result.standing.status === 'fail') ? (
        <p className={styles.actions}>
          <Link className={result.canStart ? 'button' : undefined} href={next.href}>
            {next.label}
          </Link>
        </p>
      ) : null}

      <h3>{person ? '账号与证件' : '账号与企业'}</h3>
      <ul className={styles.rows}>
        <Row label="本账号" status={result.standing.status} text={result.standing.text} />
        <Row label="剩余可认证账号数" status={result.slots.status} text={result.slots.text} />
        <Row label={person ? '年龄' : '工商登记状态'} status={result.subject.status} text={result.subject.text} />
      </ul>

      <h3>认证方式</h3>
      {result.notice ? (
        <p className="warning" role="note">
          {result.notice}
        </p>
      ) : null}
      <ul className={styles.rows}>
        {result.methods.map((m) => (
          <li key={m.method}>
            <span className={styles.label}>
              {m.label.replace(/（.*）$/, '')} <span className={styles.time}>{m.time}</span>
              {m.recommended ? <span className={styles.recommended}>推荐</span> : null}
            </span>
            <span className={`${styles.mark} ${m.available ? styles.pass : styles.fail}`}>{m.available ? '可用' : '不可用'}</span>
            <span>
              {m.text}
              {m.until ? `（${formatMonthDayTime(new Date(m.until))}后可用）` : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Row({ label, status, text }: { label: string; status: keyof typeof MARK; text: string }) {
  return (
    <li>
      <span className={styles.label}>{label}</span>
      <span className={`${styles.mark} ${styles[status]}`}>{MARK[status]}</span>
      <span>{text}</span>
    </li>
  );
}
