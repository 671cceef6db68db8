import { chinaCalendarDate } from '@/lib/domain/identity/calendar-date';
import { getServiceContext } from '@/lib/features/runtime';
import type { ChangeSubjectView } from '@/lib/features/change';
import { SubjectChangeStartFields } from './start-fields';

/** 变更企业主体（A企业变成B企业）(R-CHG-E1): the form that starts the request, its dates from the product clock. */
export async function SubjectChangeStartForm(_props: { subject: ChangeSubjectView }) {
  const now = await (await getServiceContext()).clock.now();
  return (
    <>
      <ol>
        <li>填写变更前企业法人信息及变更后企业的名称、社会信用代码和通讯地址；</li>
        <li>变更前企业法人完成人脸识别；</li>
        <li>下载并填写变更申请表，上传证明材料，等待审核（1 个工作日）；</li>
        <li>审核通过后，新企业按企业实名认证方式完成认证，变更即时生效。</li>
      </ol>
      <SubjectChangeStartFields today={chinaCalendarDate(now)} />
    </>
  );
}
