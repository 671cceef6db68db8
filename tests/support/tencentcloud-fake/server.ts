import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyTc3 } from './tc3';

/**
 * A local fake of the Tencent Cloud API 3.0 (test-only): FaceID DetectAuth and
 * GetDetectInfoEnhanced (Version 2018-03-01), SMS SendSms (Version 2021-01-11), each
 * request's TC3-HMAC-SHA256 signature checked (./tc3.ts), the documented answer shapes
 * (`{"Response": {…, "RequestId"}}`, errors as `{"Response": {"Error": {"Code",
 * "Message"}, "RequestId"}}` with HTTP 200, as API 3.0 answers), an H5 page that plays
 * the phone, and scripted failures. Every request is recorded for assertions.
 */

export type FacePlay = 'passed' | 'liveness_failed' | 'face_mismatch';

/** A scripted answer for the next matching valid request (after the signature check). */
export type FakeFailure =
  | { error: string; message?: string }
  /** Never answers: the client's timeout must fire. */
  | { hang: true }
  /** A 200 whose body is not JSON. */
  | { garbage: 'not_json' }
  /** A 200 with JSON of the wrong shape (`{"Response": {"RequestId"}}` without the fields). */
  | { garbage: 'wrong_shape' }
  /** A bare HTTP status (a gateway in front of the API failing). */
  | { httpStatus: number };

export interface RecordedRequest {
  action: string;
  version: string;
  region?: string;
  host: string;
  headers: Record<string, string | string[] | undefined>;
  /** The raw body as received. */
  raw: string;
  params: Record<string, unknown>;
  /** The error code answered, if any (signature, parameter or scripted). */
  answeredError?: string;
}

export interface FaceToken {
  bizToken: string;
  ruleId: string;
  name?: string;
  idCard?: string;
  redirectUrl?: string;
  extra?: string;
  /** Fake-clock milliseconds. */
  createdAt: number;
  play?: FacePlay;
  /** What the result reports as the verified person (default: what DetectAuth was given). */
  reportedIdentity?: { name: string; idCard: string };
}

export interface SentSms {
  phoneNumber: string;
  smsSdkAppId: string;
  signName: string;
  templateId: string;
  templateParams: string[];
  sessionContext: string;
  serialNo: string;
}

export interface TencentCloudFakeOptions {
  /** SecretId → SecretKey accepted by the fake. */
  credentials?: Record<string, string>;
  ruleIds?: string[];
  smsSdkAppIds?: string[];
  /** Approved signatures (签名). */
  signNames?: string[];
  /** Approved templates: TemplateId → number of parameters ({1}, {2}…). */
  templates?: Record<string, number>;
  /** BizToken lifetime: "Biztoken 有效时间为7,200秒". */
  tokenTtlSeconds?: number;
}

export const FAKE_SECRET_ID = 'AKIDfakeTencentCloudTestOnly0000';
export const FAKE_SECRET_KEY = 'fake-secret-key-for-tests-only-00';

const FACEID_VERSION = '2018-03-01';
const SMS_VERSION = '2021-01-11';
/** "完成认证后，三天内可用 Biztoken 多次获取验证结果信息". */
const RESULT_RETENTION_MS = 3 * 24 * 3600 * 1000;

const ACTIONS: Record<string, { product: 'faceid' | 'sms'; version: string }> = {
  DetectAuth: { product: 'faceid', version: FACEID_VERSION },
  GetDetectInfoEnhanced: { product: 'faceid', version: FACEID_VERSION },
  SendSms: { product: 'sms', version: SMS_VERSION },
};

class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class TencentCloudFake {
  readonly requests: RecordedRequest[] = [];
  readonly tokens = new Map<string, FaceToken>();
  readonly sentSms: SentSms[] = [];
  /** Seconds added to the fake's clock for signature checks (a skewed server clock). */
  signatureClockSkewSeconds = 0;
  /** Milliseconds added to the fake's clock for token lifetimes. */
  tokenClockOffsetMs = 0;

  private readonly scripted: { action: string | '*'; failure: FakeFailure }[] = [];
  private readonly credentials: Map<string, string>;
  private readonly options: Required<Omit<TencentCloudFakeOptions, 'credentials'>>;
  private server?: http.Server;
  private origin = '';

  constructor(options: TencentCloudFakeOptions = {}) {
    this.credentials = new Map(Object.entries(options.credentials ?? { [FAKE_SECRET_ID]: FAKE_SECRET_KEY }));
    this.options = {
      ruleIds: options.ruleIds ?? ['1'],
      smsSdkAppIds: options.smsSdkAppIds ?? ['1400000001'],
      signNames: options.signNames ?? ['云控制台'],
      templates: options.templates ?? { '100001': 1, '100002': 2 },
      tokenTtlSeconds: options.tokenTtlSeconds ?? 7200,
    };
  }

  /** `http://127.0.0.1:<port>` once started. */
  get url(): string {
    return this.origin;
  }

  /** Listens on 127.0.0.1, on `port` (a random one unless given). */
  async start(port = 0): Promise<this> {
    const server = http.createServer((req, res) => {
      this.handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    this.server = server;
    this.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections(); // hung requests too
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next valid request of `action` (or of any action) gets `failure` instead of its answer. */
  failNext(action: string | '*', failure: FakeFailure): void {
    this.scripted.push({ action, failure });
  }

  /** Moves the token clock on (expiry of BizTokens). */
  advanceTokenClock(seconds: number): void {
    this.tokenClockOffsetMs += seconds * 1000;
  }

  /** Ages one token past its lifetime (the other tokens keep theirs: journeys in parallel share the fake). */
  expire(bizToken: string): void {
    const token = this.tokens.get(bizToken);
    if (!token) throw new Error(`unknown BizToken ${bizToken}`);
    token.createdAt = this.tokenNow() - (this.options.tokenTtlSeconds + 1) * 1000;
  }

  /** Plays the phone without the H5 page (the page's forms do the same). */
  play(bizToken: string, play: FacePlay): void {
    const token = this.tokens.get(bizToken);
    if (!token) throw new Error(`unknown BizToken ${bizToken}`);
    token.play = play;
  }

  requestsOf(action: string): RecordedRequest[] {
    return this.requests.filter((r) => r.action === action);
  }

  private tokenNow(): number {
    return Date.now() + this.tokenClockOffsetMs;
  }

  private tokenExpired(token: FaceToken): boolean {
    return this.tokenNow() - token.createdAt > this.options.tokenTtlSeconds * 1000;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const h5 = /^\/h5\/([A-Za-z0-9-]+)$/.exec(path);
    if (h5) return this.handleH5(req, res, h5[1]!, body);
    // Test control, not Tencent Cloud's API: the e2e journeys run the fake in another process.
    const expire = /^\/__fake\/tokens\/([A-Za-z0-9-]+)\/expire$/.exec(path);
    if (expire && req.method === 'POST') {
      if (!this.tokens.has(expire[1]!)) return void res.writeHead(404).end();
      this.expire(expire[1]!);
      return void res.writeHead(204).end();
    }
    if (req.method !== 'POST' || path !== '/') return void res.writeHead(404).end();
    return this.handleApi(req, res, body);
  }

  private async handleApi(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const action = String(req.headers['x-tc-action'] ?? '');
    const version = String(req.headers['x-tc-version'] ?? '');
    const host = String(req.headers.host ?? '');
    const raw = body.toString('utf8');
    let params: Record<string, unknown> = {};
    try {
      const parsed: unknown = JSON.parse(raw);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) params = parsed as Record<string, unknown>;
    } catch {
      // answered below, once the signature has been checked
    }
    const record: RecordedRequest = { action, version, region: req.headers['x-tc-region'] as string | undefined, host, headers: req.headers, raw, params };
    this.requests.push(record);
    const requestId = randomUUID();
    const answer = (response: Record<string, unknown>) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Response: { ...response, RequestId: requestId } }));
    };
    const answerError = (code: string, message: string) => {
      record.answeredError = code;
      answer({ Error: { Code: code, Message: message } });
    };

    const verdict = verifyTc3(
      { method: req.method ?? 'POST', url: req.url ?? '/', headers: req.headers, body },
      { credentials: this.credentials, now: Math.floor(Date.now() / 1000) + this.signatureClockSkewSeconds, expectedService: host.split('.')[0] ?? '' },
    );
    if (!verdict.ok) return answerError(verdict.code, verdict.message);

    const known = ACTIONS[action];
    if (!known) return answerError('InvalidAction', `接口不存在：${action}`);
    if (version !== known.version) return answerError('NoSuchVersion', `接口版本不存在：${version}`);

    const index = this.scripted.findIndex((s) => s.action === '*' || s.action === action);
    if (index >= 0) {
      const { failure } = this.scripted.splice(index, 1)[0]!;
      if ('hang' in failure) return; // the socket stays open until the client gives up or stop()
      if ('httpStatus' in failure) return void res.writeHead(failure.httpStatus, { 'content-type': 'text/html' }).end('<html>bad gateway</html>');
      if ('garbage' in failure) {
        if (failure.garbage === 'not_json') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>系统维护中</body></html>');
        return answer({});
      }
      return answerError(failure.error, failure.message ?? failure.error);
    }

    try {
      if (raw.length > 0 && Object.keys(params).length === 0 && raw.trim() !== '{}') throw new ApiError('InvalidParameter', '请求体不是 JSON 对象。');
      if (action === 'DetectAuth') return answer(this.detectAuth(params));
      if (action === 'GetDetectInfoEnhanced') return answer(this.getDetectInfoEnhanced(params));
      return answer(this.sendSms(params));
    } catch (error) {
      if (error instanceof ApiError) return answerError(error.code, error.message);
      throw error;
    }
  }

  private detectAuth(p: Record<string, unknown>) {
    const ruleId = optionalString(p, 'RuleId');
    if (ruleId === undefined) throw new ApiError('MissingParameter', '缺少参数 RuleId。');
    if (!this.options.ruleIds.includes(ruleId)) throw new ApiError('InvalidParameterValue.RuleIdNotExist', 'RuleId 不存在。');
    const name = optionalString(p, 'Name');
    if (name !== undefined && name.length > 32) throw new ApiError('InvalidParameter', 'Name 最长 32 位。');
    const idCard = optionalString(p, 'IdCard');
    const redirectUrl = optionalString(p, 'RedirectUrl');
    if (redirectUrl !== undefined && (redirectUrl.length > 1024 || !/^https?:\/\//.test(redirectUrl))) {
      throw new ApiError('InvalidParameter', 'RedirectUrl 须以 http:// 或 https:// 开头，最长 1024 位。');
    }
    const extra = optionalString(p, 'Extra');
    if (extra !== undefined && extra.length > 1024) throw new ApiError('InvalidParameter', 'Extra 最长 1024 位。');
    const bizToken = randomUUID().toUpperCase();
    this.tokens.set(bizToken, { bizToken, ruleId, name, idCard, redirectUrl, extra, createdAt: this.tokenNow() });
    return { Url: `${this.origin}/h5/${bizToken}`, BizToken: bizToken };
  }

  private getDetectInfoEnhanced(p: Record<string, unknown>) {
    const bizToken = optionalString(p, 'BizToken');
    const ruleId = optionalString(p, 'RuleId');
    if (bizToken === undefined || ruleId === undefined) throw new ApiError('MissingParameter', '缺少参数 BizToken 或 RuleId。');
    const token = this.tokens.get(bizToken);
    if (!token || token.ruleId !== ruleId) throw new ApiError('InvalidParameterValue.BizTokenIllegal', 'BizToken 不合法。');
    if (this.tokenNow() - token.createdAt > RESULT_RETENTION_MS) throw new ApiError('InvalidParameterValue.BizTokenExpired', 'BizToken 过期。');
    const infoType = optionalString(p, 'InfoType') ?? '0';
    const text = infoType.includes('1') || infoType === '0' ? this.detectInfoText(token) : null;
    // InfoType "1" asks for text only: no ID card images, best frames or video.
    const media = infoType === '0' ? { IdCardData: { OcrFront: null, OcrBack: null }, BestFrame: { BestFrame: null }, VideoData: { LivenessVideo: null } } : {};
    return { Text: text, IdCardData: null, BestFrame: null, VideoData: null, Encryption: null, IntentionVerifyData: null, IntentionQuestionResult: null, IntentionActionResult: null, EncryptedBody: null, ...media };
  }

  /** DetectInfoText as the API reference lists it; unset stages are null ("可能为 null"). */
  private detectInfoText(token: FaceToken) {
    const blank = {
      ErrCode: null as number | null,
      ErrMsg: null as string | null,
      IdCard: null as string | null,
      Name: null as string | null,
      OcrNation: null,
      OcrAddress: null,
      OcrBirth: null,
      OcrAuthority: null,
      OcrValidDate: null,
      OcrName: null,
      OcrIdCard: null,
      OcrGender: null,
      IdInfoFrom: null,
      LiveStatus: null as number | null,
      LiveMsg: null as string | null,
      Comparestatus: null as number | null,
      Comparemsg: null as string | null,
      Sim: null as string | null,
      Location: null,
      Extra: token.extra ?? null,
      LivenessDetail: [] as unknown[],
      Mobile: null,
      CompareLibType: null as string | null,
      LivenessMode: null as number | null,
    };
    if (!token.play) {
      if (this.tokenExpired(token)) return { ...blank, ErrCode: 15, ErrMsg: 'Token 过期，请重试' };
      return blank; // not finished: "若在未完成验证前调用该接口，数据可能为 null"
    }
    const who = token.reportedIdentity ?? { name: token.name ?? '', idCard: token.idCard ?? '' };
    const done = { ...blank, IdCard: who.idCard, Name: who.name, CompareLibType: '权威库', LivenessMode: 2 };
    if (token.play === 'passed') {
      return { ...done, ErrCode: 0, ErrMsg: '成功', LiveStatus: 0, LiveMsg: '成功', Comparestatus: 0, Comparemsg: '成功', Sim: '96.35' };
    }
    if (token.play === 'liveness_failed') {
      return { ...done, ErrCode: 1002, ErrMsg: '疑似非真人录制', LiveStatus: 1002, LiveMsg: '疑似非真人录制' };
    }
    return {
      ...done,
      ErrCode: 2016,
      ErrMsg: '无法判断为同一人，请确认身份后重试（相似度未达到通过阈值）',
      LiveStatus: 0,
      LiveMsg: '成功',
      Comparestatus: 2016,
      Comparemsg: '无法判断为同一人，请确认身份后重试（相似度未达到通过阈值）',
      Sim: '41.20',
    };
  }

  private sendSms(p: Record<string, unknown>) {
    const phones = p.PhoneNumberSet;
    const appId = optionalString(p, 'SmsSdkAppId');
    const signName = optionalString(p, 'SignName');
    const templateId = optionalString(p, 'TemplateId');
    if (!Array.isArray(phones) || phones.length === 0 || appId === undefined || templateId === undefined) {
      throw new ApiError('MissingParameter', '缺少参数 PhoneNumberSet、SmsSdkAppId 或 TemplateId。');
    }
    if (phones.length > 200) throw new ApiError('LimitExceeded.PhoneNumberCountLimit', '调用接口单次提交的手机号个数超过200个。');
    if (!this.options.smsSdkAppIds.includes(appId)) throw new ApiError('InvalidParameterValue.SdkAppIdNotExist', 'SdkAppId 不存在。');
    const params = p.TemplateParamSet === undefined ? [] : p.TemplateParamSet;
    if (!Array.isArray(params) || params.some((x) => typeof x !== 'string')) throw new ApiError('InvalidParameter', 'TemplateParamSet 须为字符串数组。');
    const sessionContext = optionalString(p, 'SessionContext') ?? '';
    if (Buffer.byteLength(sessionContext) >= 512) throw new ApiError('InvalidParameter', 'SessionContext 长度需小于512字节。');
    const status = (phone: string, code: string, message: string, fee = 0, serialNo = '') => ({
      SerialNo: serialNo,
      PhoneNumber: phone,
      Fee: fee,
      SessionContext: sessionContext,
      Code: code,
      Message: message,
      IsoCode: code === 'Ok' ? 'CN' : '',
    });
    const SendStatusSet = phones.map((phone) => {
      const number = String(phone);
      if (!/^(\+86)?1[3-9]\d{9}$/.test(number)) return status(number, 'InvalidParameterValue.IncorrectPhoneNumber', '手机号格式错误。');
      if (signName === undefined || !this.options.signNames.includes(signName)) {
        return status(number, 'FailedOperation.SignatureIncorrectOrUnapproved', 'signature is not approved or signature format error');
      }
      const expected = this.options.templates[templateId];
      if (expected === undefined || expected !== params.length) {
        return status(number, 'FailedOperation.TemplateIncorrectOrUnapproved', 'template is not approved or request content does not match the approved template content');
      }
      const serialNo = `${Date.now()}:${randomUUID()}`;
      const e164 = number.startsWith('+') ? number : `+86${number}`;
      this.sentSms.push({ phoneNumber: e164, smsSdkAppId: appId, signName, templateId, templateParams: params as string[], sessionContext, serialNo });
      return status(e164, 'Ok', 'send success', 1, serialNo);
    });
    return { SendStatusSet };
  }

  private async handleH5(req: IncomingMessage, res: ServerResponse, bizToken: string, body: Buffer): Promise<void> {
    const token = this.tokens.get(bizToken);
    const page = (status: number, title: string, inner = ''): void => {
      res
        .writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${inner}</body></html>`);
    };
    if (!token) return page(404, 'BizToken 不合法');
    if (token.play) return page(200, '本次校验已完成');
    if (this.tokenExpired(token)) return page(200, 'Token 过期，请重试');
    if (req.method === 'GET') {
      const button = (play: FacePlay, label: string) =>
        `<form method="post" action="/h5/${bizToken}"><button type="submit" name="play" value="${play}">${label}</button></form>`;
      return page(200, '人脸核身（模拟手机）', button('passed', '通过') + button('liveness_failed', '活体检测失败') + button('face_mismatch', '人脸比对失败'));
    }
    if (req.method !== 'POST') return void res.writeHead(405).end();
    const play = new URLSearchParams(body.toString('utf8')).get('play');
    if (play !== 'passed' && play !== 'liveness_failed' && play !== 'face_mismatch') return page(400, '无效的操作');
    token.play = play;
    if (!token.redirectUrl) return page(200, '本次校验已完成');
    // ApplyWebVerificationBizToken's reference: "the BizToken … spliced to the callback URL in the format …?token={BizToken}".
    const target = new URL(token.redirectUrl);
    target.searchParams.set('token', bizToken);
    res.writeHead(302, { location: target.toString() }).end();
  }
}

function optionalString(p: Record<string, unknown>, key: string): string | undefined {
  const v = p[key];
  return typeof v === 'string' ? v : undefined;
}

/** Starts a fake on a random loopback port; `await fake.stop()` after the tests. */
export async function startTencentCloudFake(options?: TencentCloudFakeOptions): Promise<TencentCloudFake> {
  return new TencentCloudFake(options).start();
}
