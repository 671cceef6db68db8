import type { MessageEntry } from '../format';

/**
 * Refusals of an uploaded file that say more than the error table's sentence for their code
 * (lib/schemas/upload.ts, lib/storage/inspect-upload.ts): the fields that take PDF too, and
 * why a PDF is refused.
 */
export const uploadsMessages = {
  'upload.nameInvalid.withPdf': '文件名无效：请使用以 .pdf、.jpg、.jpeg 或 .png 结尾且不含路径和特殊字符的文件名',
  'upload.typeNotAllowed.withPdf': '文件格式不支持，请上传 PDF、JPG 或 PNG 格式的文件',
  'upload.pdf.active': '该 PDF 文件包含脚本、启动命令或附件，请上传普通的扫描件或图片',
  'upload.pdf.encrypted': '该 PDF 文件已加密，请上传未加密的文件',
} as const satisfies Record<string, MessageEntry>;
