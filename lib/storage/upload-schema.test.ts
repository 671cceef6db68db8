import { describe, expect, it } from 'vitest';
import { describeError } from '@/lib/errors';
import { isSafeUploadName, MAX_UPLOAD_BYTES, uploadDocumentSchema, uploadFileSchema, uploadRefusalOf } from '@/lib/schemas/upload';

function outcome(schema: typeof uploadFileSchema, value: unknown) {
  const parsed = schema.safeParse(value);
  if (parsed.success) return 'ok';
  expect(parsed.error.issues).toHaveLength(1);
  const issue = parsed.error.issues[0]!;
  const refusal = uploadRefusalOf(issue);
  // What a route or an action answers for the issue is the sentence the browser showed.
  expect(describeError(refusal.code, refusal).message).toBe(issue.message);
  return { code: refusal.code, message: issue.message };
}

const file = (name: string, size = 10) => new File([new Uint8Array(size)], name, { type: 'image/png' });

describe('uploadFileSchema (a browser File)', () => {
  it('accepts a non-empty JPG/PNG-named file up to exactly 5 MB', () => {
    expect(outcome(uploadFileSchema, file('营业执照.JPG'))).toBe('ok');
    expect(outcome(uploadFileSchema, file('scan.jpeg'))).toBe('ok');
    expect(outcome(uploadFileSchema, file('a.php.png'))).toBe('ok'); // the last extension counts; the bytes decide later
    expect(outcome(uploadFileSchema, file('photo.png', MAX_UPLOAD_BYTES))).toBe('ok');
  });

  it('refuses 5 MB + 1 byte', () => {
    expect(outcome(uploadFileSchema, file('photo.png', MAX_UPLOAD_BYTES + 1))).toEqual({ code: 'UPLOAD_TOO_LARGE', message: describeError('UPLOAD_TOO_LARGE').message });
  });

  it('refuses an empty file and a missing one', () => {
    const empty = { code: 'UPLOAD_EMPTY', message: describeError('UPLOAD_EMPTY').message };
    expect(outcome(uploadFileSchema, file('a.png', 0))).toEqual(empty);
    expect(outcome(uploadFileSchema, new File([], ''))).toEqual(empty); // a no-JS form with no file chosen
    expect(outcome(uploadFileSchema, undefined)).toEqual(empty);
    expect(outcome(uploadFileSchema, 'a.png')).toEqual(empty);
  });

  it.each(['a.jpg.php', '../../etc/passwd.png', 'dir/a.png', 'dir\\a.png', 'a\u0000.png', 'a\n.png', 'a..png', '.png', 'png', 'a.svg', 'a.html', 'a.pdf', 'a.png ', `${'x'.repeat(252)}.png`])(
    'refuses the name %j',
    (name) => {
      expect(outcome(uploadFileSchema, file(name))).toEqual({ code: 'UPLOAD_NAME_INVALID', message: describeError('UPLOAD_NAME_INVALID').message });
    },
  );

  it('takes PDF names only in the document variant, with a message that says so', () => {
    expect(outcome(uploadDocumentSchema, file('proof.PDF'))).toBe('ok');
    expect(outcome(uploadDocumentSchema, file('proof.png'))).toBe('ok');
    expect(outcome(uploadDocumentSchema, file('proof.pdf.exe'))).toEqual({ code: 'UPLOAD_NAME_INVALID', message: expect.stringContaining('.pdf') });
  });

  it('isSafeUploadName agrees', () => {
    expect(isSafeUploadName('a.jpg')).toBe(true);
    expect(isSafeUploadName('a.pdf')).toBe(false);
    expect(isSafeUploadName('a.pdf', true)).toBe(true);
  });
});
