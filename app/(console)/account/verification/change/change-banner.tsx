import Link from 'next/link';

/** Shown by the personal and enterprise wizards while they prove the new subject of a change request (ADR 0013). */
export function ChangeBanner() {
  return (
    <div className="notice" role="note">
      <p>
        <strong>正在变更认证主体</strong>：请填写新主体的信息并完成认证，认证通过后账号即归属新主体；在此之前账号仍归属当前认证主体。
      </p>
      <p>
        <Link href="/account/verification/change">返回变更申请</Link>
      </p>
    </div>
  );
}
