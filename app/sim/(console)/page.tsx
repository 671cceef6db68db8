import type { Metadata } from 'next';
import Link from 'next/link';
import { moveClockAction } from '../_actions/console';
import { SimForm } from '../_components/sim-form';
import { beijingTime, simPage } from '../_lib';
import { readWorldClock } from '@/lib/simulators/clock-control';

export const metadata: Metadata = { title: '模拟器控制台 - 云控制台' };

const JUMPS = [
  ['3600', '+1 小时'],
  ['86400', '+1 天'],
  ['259200', '+3 天'],
  ['604800', '+7 天'],
  ['2592000', '+30 天'],
] as const;

export default async function SimHome() {
  const world = await simPage();
  const clock = await readWorldClock(world);
  return (
    <>
      <h1>模拟器控制台</h1>
      <p className="muted">
        这里扮演产品之外的各方：微信、QQ、人脸识别服务、微信公众平台、工商登记、银行和短信/邮件通道。它们与产品之间只通过 HTTP 通信（签名回调），演示和测试都在这里布置世界。
      </p>
      <section className="panel" aria-labelledby="clock-title">
        <h2 id="clock-title">时钟</h2>
        <p>
          当前模拟时间（北京时间）：<span className="now">{beijingTime(clock.now)}</span>
        </p>
        {clock.calendar.warning ? (
          <p className="warning" role="note">
            {clock.calendar.warning}
          </p>
        ) : (
          <p className="muted">节假日日历覆盖到 {clock.calendar.lastCoveredDay}。</p>
        )}
        <p className="muted">时钟只能向前调整；跳转后到期的会话、打款会立即生效。</p>
        <SimForm id="jump" action={moveClockAction} fields={[]} buttons={JUMPS.map(([value, label]) => ({ name: 'advanceSeconds', value, label }))} />
        <SimForm id="set-clock" action={moveClockAction} fields={[{ name: 'set', label: '设为指定时间（北京时间）', type: 'datetime-local' }]} submitLabel="设定时间" />
      </section>
      <section className="panel" aria-labelledby="world-title">
        <h2 id="world-title">模拟世界</h2>
        <ul>
          <li>
            <Link href="/sim/users">微信 / QQ 用户</Link>：实名信息与是否绑定银行卡，决定扫码结果（一致 / 不一致 / 未绑卡）。
          </li>
          <li>
            <Link href="/sim/registry">工商登记</Link>：企业、法定代表人、存续/注销，改名保留曾用名；可下载营业执照图片。
          </li>
          <li>
            <Link href="/sim/official-accounts">公众号</Link>：认证主体名称（或未认证）与管理员。
          </li>
          <li>
            <Link href="/sim/bank">银行</Link>：对公账户、向收款账户转账（充值认证）、到账记录（对公打款）、打款工作日设置。
          </li>
          <li>
            <Link href="/sim/inbox">收件箱</Link>：产品发出的邮件、短信和微信消息。
          </li>
          <li>
            <Link href="/sim/sessions">会话与回调</Link>：扫码/人脸/公众号会话（手机页面入口）与回调投递记录。
          </li>
        </ul>
      </section>
    </>
  );
}
