/**
 * What a 人脸核身 result means for us: one exhaustive table over the result codes that
 * Tencent Cloud documents for ErrCode, LiveStatus and Comparestatus (人脸核身 错误码,
 * product 1007/31082: 系统返回码, 微信相关返回码, 活体检测返回码, 证件图像比对返回码),
 * and the rules of GetDetectInfoEnhanced's DetectInfoText. Pure: no I/O.
 */

/** The kinds of a code (the table's values). */
export type FaceCodeKind =
  | 'passed'
  /** Liveness (活体) not proven: recording suspected, face not shown, sound or motion missing… */
  | 'liveness_failed'
  /** The live face is not the person of the ID's registered photo (比对). */
  | 'face_mismatch'
  /** The authority refused the identity itself (name / ID number wrong, unknown, expired ID, no usable photo). */
  | 'identity_rejected'
  /** The person verified is not the one we asked for (301: 身份证号码与业务传入验证证件号码不符). */
  | 'person_differs'
  /** The token's flow timed out: "Token 过期，请重试". */
  | 'expired'
  /** The flow has not finished ("本次流程未完成"). */
  | 'pending'
  /** Tencent Cloud's or WeChat's side failed during the flow; the person may simply try again. */
  | 'service_failed';

export const DOCUMENTED_FACE_CODES = [
  // 系统返回码
  0, 1, 2, 3, 4, 8, 10, 12, 13, 14, 15, 16, 17,
  // 微信相关返回码
  201, 202, 203, 204, 301, 302, 303,
  // 活体通用返回码
  1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008,
  // 数字活体返回码
  1101, 1102, 1103, 1104, 1105, 1106, 1107, 1108, 1109,
  // 动作活体返回码 (as far as the table could be read: see docs/decisions/0026)
  1201, 1202, 1203, 1204, 1205,
  // 证件图像比对返回码
  2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017,
] as const;

export type DocumentedFaceCode = (typeof DOCUMENTED_FACE_CODES)[number];

/** Every documented code, and nothing else: a missing or an extra key is a type error. */
export const FACE_CODE_KIND: Record<DocumentedFaceCode, FaceCodeKind> = {
  0: 'passed',
  1: 'service_failed', // 调用方式出错
  2: 'service_failed',
  3: 'service_failed',
  4: 'service_failed', // 服务异常
  8: 'service_failed',
  10: 'service_failed',
  12: 'service_failed',
  13: 'service_failed',
  14: 'service_failed', // 本次校验已完成 — a second use of a finished token
  15: 'expired', // Token 过期
  16: 'service_failed', // 已达到重试上限 — the failing stage's own code decides when there is one
  17: 'pending', // 本次流程未完成
  201: 'service_failed', // 从微信拉取图片失败
  202: 'service_failed', // 视频获取失败
  203: 'service_failed', // 无此 API 调用权限
  204: 'service_failed', // 公众号/小程序未完成对慧眼授权
  301: 'person_differs', // 认证人身份证号码与业务传入验证证件号码不符
  302: 'identity_rejected', // 身份证已过期
  303: 'service_failed', // 扫描识别失败，请重新拍摄
  1001: 'service_failed', // 引擎超时
  1002: 'liveness_failed', // 疑似非真人录制
  1003: 'liveness_failed',
  1004: 'liveness_failed',
  1005: 'liveness_failed',
  1006: 'service_failed', // 证照库出错
  1007: 'service_failed', // 未拉取微信活体结果
  1008: 'service_failed', // 网络不稳定
  1101: 'liveness_failed', // 声音未能识别
  1102: 'liveness_failed', // 脸部未完整露出
  1103: 'liveness_failed',
  1104: 'service_failed', // 视频格式出错
  1105: 'service_failed', // 视频拉取失败
  1106: 'liveness_failed', // 声音太小
  1107: 'liveness_failed', // 视频为空或大小不合适
  1108: 'liveness_failed', // 视频像素太低
  1109: 'liveness_failed', // 未识别到唇动
  1201: 'liveness_failed', // 光线不佳
  1202: 'liveness_failed',
  1203: 'liveness_failed', // 离屏幕太近或太远
  1204: 'liveness_failed',
  1205: 'liveness_failed',
  2001: 'service_failed', // 引擎超时
  2002: 'identity_rejected', // 姓名有误
  2003: 'identity_rejected', // 身份证号有误
  2004: 'liveness_failed', // 视频提取照片出错
  2005: 'identity_rejected', // 未查询到身份信息
  2006: 'identity_rejected', // 姓名和身份证号不匹配
  2007: 'identity_rejected', // 未查询到照片信息
  2008: 'identity_rejected',
  2009: 'identity_rejected', // 查询到照片分辨率过低
  2010: 'liveness_failed', // 脸部未完整露出
  2011: 'face_mismatch', // 无法判断为同一人（疑似非活体）
  2012: 'liveness_failed', // 检测到多张人脸
  2013: 'liveness_failed', // 脸部未完整露出
  2014: 'liveness_failed', // 视频像素太低
  2015: 'face_mismatch', // 无法判断为同一人（比对失败）
  2016: 'face_mismatch', // 相似度未达到通过阈值
  2017: 'service_failed', // 权威数据源升级中
};

export function isDocumentedFaceCode(code: number): code is DocumentedFaceCode {
  return Object.hasOwn(FACE_CODE_KIND, code);
}

/** The fields of DetectInfoText this decision reads (all "可能为 null"). */
export interface DetectInfoTextFields {
  ErrCode?: number | null;
  IdCard?: string | null;
  Name?: string | null;
  LiveStatus?: number | null;
  Comparestatus?: number | null;
}

export type FaceDecision =
  | { kind: FaceCodeKind; code?: number }
  /** An answer no rule allows (a success code with a failed stage): never believed. */
  | { kind: 'inconsistent' }
  /** A code the documentation does not list: never a pass, reported for a look. */
  | { kind: 'undocumented'; code: number };

/** Whether the person a result names is the one we asked for (the port's SessionToPull.isRequestedPerson). */
export type IsRequestedPerson = (person: { name: string; idNumber: string }) => boolean;

/**
 * A result, decided:
 * - no Text or no ErrCode yet: pending ("若在未完成验证前调用该接口，数据可能为 null");
 * - ErrCode 0: passed only when LiveStatus and Comparestatus are 0 too AND the returned
 *   Name and IdCard are the person we asked for — `isRequestedPerson`, the product's
 *   keyed comparison (the redirect proves nothing; a different person who passed is not
 *   our person);
 * - otherwise the failing stage's code decides (LiveStatus, then Comparestatus), else
 *   ErrCode — except that 15 (expired) and 17 (not finished) are about the whole flow.
 */
export function decideFaceResult(text: DetectInfoTextFields | null | undefined, isRequestedPerson: IsRequestedPerson): FaceDecision {
  const errCode = text?.ErrCode;
  if (text == null || errCode == null) return { kind: 'pending' };
  if (errCode === 0) {
    if (text.LiveStatus !== 0 || text.Comparestatus !== 0) return { kind: 'inconsistent' };
    if (text.Name == null || text.IdCard == null || !isRequestedPerson({ name: text.Name, idNumber: text.IdCard })) return { kind: 'person_differs' };
    return { kind: 'passed', code: 0 };
  }
  const stage = errCode === 15 || errCode === 17 ? errCode : [text.LiveStatus, text.Comparestatus].find((c) => c != null && c !== 0) ?? errCode;
  if (!isDocumentedFaceCode(stage)) return { kind: 'undocumented', code: stage };
  return { kind: FACE_CODE_KIND[stage], code: stage };
}
