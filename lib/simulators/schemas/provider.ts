import { z } from 'zod';
import { amountFenSchema, callbackUrlSchema, identifierSchema, idTypeSchema, nameSchema, referenceSchema } from './common';
import { bankAccountNumberSchema, registryCodeSchema } from './control';

/** Bodies of the product → provider calls of docs/channel-protocol.md. */

export const authSessionSchema = z.object({
  reference: referenceSchema,
  expectedName: nameSchema(30),
  idType: idTypeSchema,
  idNumber: identifierSchema,
  callbackUrl: callbackUrlSchema,
});

export const faceSessionSchema = z.object({
  reference: referenceSchema,
  expectedName: nameSchema(30),
  idNumber: identifierSchema,
  callbackUrl: callbackUrlSchema,
});

export const oaSessionSchema = z.object({ reference: referenceSchema, callbackUrl: callbackUrlSchema });

export const legalRepCheckSchema = z.object({ code: registryCodeSchema, name: nameSchema(30), idNumber: identifierSchema });

export const payoutSchema = z.object({
  reference: referenceSchema,
  toAccount: bankAccountNumberSchema,
  holderName: nameSchema(100),
  bank: nameSchema(60),
  amountFen: amountFenSchema,
});

export const refundSchema = z.object({ reference: referenceSchema, transferId: z.string({ error: '请填写' }).trim().min(1, '请填写') });

export const withdrawalSchema = z.object({
  reference: referenceSchema,
  toAccount: bankAccountNumberSchema,
  holderName: nameSchema(100),
  amountFen: amountFenSchema,
});

export const messageSchema = z.object({
  reference: referenceSchema,
  kind: z.enum(['email', 'sms', 'wechat'], { error: '应为 email、sms 或 wechat' }),
  to: z.string({ error: '请填写' }).trim().min(1, '请填写').max(200),
  subject: z.string().trim().max(200).optional(),
  body: z.string({ error: '请填写' }).min(1, '请填写').max(10_000),
});

export const noBodySchema = z.looseObject({});
