import { describe, expect, it } from 'vitest';
import { cleanName, extractLicenceFields } from './extract';
import type { OcrLine, Point } from './types';

type Corners = [Point, Point, Point, Point];
const line = (text: string, box: Corners, confidence = 0.99): OcrLine => ({ text, confidence, box });
/** An axis-aligned box. */
const at = (text: string, left: number, top: number, right: number, bottom: number) =>
  line(text, [
    [left, top],
    [right, top],
    [right, bottom],
    [left, bottom],
  ]);

/** What the engine read on a straight 营业执照 of an old enterprise (a 15-digit 注册号), in its order. */
const STRAIGHT_REGISTRATION: OcrLine[] = [
  at('市场主体应当于每年1月1日至6月30日通过国家企业信用信息公示系统报送公示年度报告', 335, 1051, 1029, 1071),
  at('国家企业信用信息公示系统网址：http://www.gsxt.gov.cn', 544, 1021, 1057, 1045),
  at('登记机关', 1000, 919, 1123, 954),
  at('号1510室', 1080, 701, 1195, 733),
  at('浙江省杭州市西湖区文三路48', 1083, 663, 1445, 687),
  at('住所', 878, 657, 1003, 692),
  at('经营范围', 149, 658, 271, 690),
  at('赵建国', 346, 587, 435, 619),
  at('法定代表人', 150, 587, 301, 618),
  at('2016年01月13日', 1082, 518, 1278, 545),
  at('有限责任公司（自然人投资或控股', 356, 519, 773, 543),
  at('成立日期', 879, 513, 1002, 548),
  at('类型', 150, 513, 272, 548),
  at('杭州西溪文创有限公司', 353, 445, 628, 472),
  at('贰佰万元整', 1080, 443, 1220, 475),
  at('注册资本', 880, 442, 1002, 474),
  at('名称', 151, 440, 274, 476),
  at('扫描二维码登录“国家企业', 1292, 315, 1470, 332),
  at('(副 本)', 737, 304, 863, 343),
  at('营业执照', 534, 174, 1116, 285),
  at('330106000123458', 132, 171, 367, 192),
  at('统一社会信用代码', 130, 126, 338, 153),
];

/** A 事业单位法人证书 photographed tilted by 3.4°, its 17-character name wrapped onto a second line. */
const TILTED_CERTIFICATE: OcrLine[] = [
  line('登记机关', [[971, 938], [1089, 946], [1086, 981], [968, 973]]),
  line('咨询与交流，承办主管部门交办的其他事项。', [[360, 731], [801, 759], [800, 784], [359, 757]]),
  line('广东省深圳市南山区深南大道', [[1064, 696], [1410, 717], [1409, 745], [1062, 724]]),
  line('为社会提供公益服务。开展相关业务培训、', [[363, 697], [781, 722], [780, 747], [362, 722]]),
  line('住所', [[868, 678], [992, 687], [989, 725], [865, 716]]),
  line('业务范围', [[170, 677], [287, 686], [284, 720], [167, 711]]),
  line('赵建国', [[363, 622], [449, 628], [447, 660], [361, 654]]),
  line('法定代表人', [[172, 609], [319, 619], [317, 652], [170, 642]]),
  line('2012年05月26日', [[1071, 557], [1268, 571], [1266, 599], [1070, 585]]),
  line('事业单位', [[370, 552], [479, 560], [477, 592], [367, 584]]),
  line('成立日期', [[879, 543], [997, 551], [994, 585], [876, 577]]),
  line('类型', [[175, 537], [297, 545], [294, 584], [172, 576]]),
  line('伍拾万元整', [[1076, 486], [1213, 496], [1210, 529], [1073, 519]]),
  line('心(试点)', [[371, 484], [493, 492], [491, 524], [370, 516]]),
  line('开办资金', [[883, 473], [1002, 481], [999, 516], [881, 508]]),
  line('深圳市南山区青少年科技创新服务中', [[376, 446], [804, 473], [802, 501], [374, 474]]),
  line('名称', [[184, 429], [305, 437], [302, 475], [181, 467]]),
  line('事业单位法人证书', [[513, 225], [1139, 262], [1135, 329], [509, 292]]),
  line('12440300455758803K', [[181, 168], [459, 186], [458, 212], [180, 194]]),
  line('统一社会信用代码', [[182, 127], [384, 140], [382, 168], [180, 155]]),
];

describe('extractLicenceFields', () => {
  it('reads 名称 beside its label and the 注册号 under its label on a straight licence', () => {
    expect(extractLicenceFields(STRAIGHT_REGISTRATION)).toEqual({ name: '杭州西溪文创有限公司', nameFrom: 'label', nameConfidence: 0.99, code: '330106000123458', codes: ['330106000123458'] });
  });

  it('joins a wrapped name on a tilted certificate of a non-business organisation, brackets made full-width', () => {
    const fields = extractLicenceFields(TILTED_CERTIFICATE);
    expect(fields.name).toBe('深圳市南山区青少年科技创新服务中心（试点）');
    expect(fields.code).toBe('12440300455758803K');
  });

  it('rates the name by its least confident box', () => {
    const lines = TILTED_CERTIFICATE.map((l) => (l.text === '心(试点)' ? { ...l, confidence: 0.91 } : l));
    expect(extractLicenceFields(lines).nameConfidence).toBe(0.91);
  });

  it('does not take the 类型 value as the continuation of a one-line name', () => {
    const oneLine = TILTED_CERTIFICATE.filter((l) => l.text !== '心(试点)');
    expect(extractLicenceFields(oneLine).name).toBe('深圳市南山区青少年科技创新服务中');
  });

  it('reads the label set wide apart as two boxes, and a value read inside the label box', () => {
    const split = [at('名', 150, 440, 182, 476), at('称', 240, 440, 274, 476), at('北京星河数智科技有限公司', 352, 447, 683, 471), at('注册资本', 880, 442, 1001, 474)];
    expect(extractLicenceFields(split).name).toBe('北京星河数智科技有限公司');
    // Read from a blurred photo, the two boxes overlap.
    const overlapping = [at('名', 151, 440, 202, 476), at('称', 184, 438, 275, 478), at('北京星河数智科技有限公司', 352, 447, 683, 471)];
    expect(extractLicenceFields(overlapping)).toMatchObject({ name: '北京星河数智科技有限公司', nameFrom: 'label' });
    const inline = [at('名称：北京星河数智科技有限公司', 150, 440, 683, 476), at('注册资本', 880, 442, 1001, 474)];
    expect(extractLicenceFields(inline).name).toBe('北京星河数智科技有限公司');
  });

  it('stops the value at the next label on the row', () => {
    const lines = [at('名称', 150, 440, 274, 476), at('注册资本', 400, 442, 520, 474), at('叁仟万元整', 560, 443, 700, 474)];
    expect(extractLicenceFields(lines).name).toBeNull();
  });

  it('falls back on the first box that ends like an organisation when no 名称 label was read', () => {
    const lines = [
      at('规项目：技术服务、技术开发、技术咨所', 371, 380, 809, 410),
      at('类型', 150, 513, 272, 548),
      at('有限责任公司', 356, 519, 560, 543),
      at('北京开源软件促进会', 352, 447, 600, 471),
      at('名杯', 150, 440, 274, 476),
    ];
    // Not the 经营范围 line that happens to end in 所: a name has no list punctuation.
    expect(extractLicenceFields(lines)).toMatchObject({ name: '北京开源软件促进会', nameFrom: 'pattern' });
  });

  it('joins a code split in two boxes by its letter spacing, and repairs O/I read for 0/1', () => {
    const lines = [at('统一社会信用代码', 130, 126, 338, 153), at('9111O1O8', 130, 170, 260, 193), at('MAO1ABCD5T', 270, 170, 434, 193)];
    expect(extractLicenceFields(lines).code).toBe('91110108MA01ABCD5T');
  });

  it('prefers the code beside its label, and the one the QR code agrees with', () => {
    const lines = [at('统一社会信用代码', 130, 126, 338, 153), at('12440300455758803K', 130, 170, 434, 193), at('备注：原代码 91110108MA01ABCD5T', 300, 900, 900, 930)];
    expect(extractLicenceFields(lines).codes).toEqual(['12440300455758803K', '91110108MA01ABCD5T']);
    expect(extractLicenceFields(lines, 'https://example.test/?code=91110108MA01ABCD5T').code).toBe('91110108MA01ABCD5T');
    // The QR code alone never supplies a code.
    expect(extractLicenceFields([at('名称', 150, 440, 274, 476)], '91110108MA01ABCD5T').code).toBeNull();
  });

  it('answers nulls when nothing is readable', () => {
    expect(extractLicenceFields([])).toEqual({ name: null, nameFrom: null, nameConfidence: null, code: null, codes: [] });
    expect(extractLicenceFields([at('9111O1O8MA01ABCE5T', 130, 170, 434, 193), at('名称', 150, 440, 274, 476)])).toEqual({ name: null, nameFrom: null, nameConfidence: null, code: null, codes: [] });
  });
});

describe('cleanName', () => {
  it('drops spaces and stray punctuation, makes brackets full-width, wants two Chinese characters', () => {
    expect(cleanName(' 华夏 (上海) 国际物流股份有限公司。')).toBe('华夏（上海）国际物流股份有限公司');
    expect(cleanName('：北京开源软件促进会')).toBe('北京开源软件促进会');
    expect(cleanName('A1')).toBeNull();
    expect(cleanName('心')).toBeNull();
  });
});
