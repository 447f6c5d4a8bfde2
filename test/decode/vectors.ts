/**
 * Published test vectors (FACTS §1.4 and §2.2): the official WeChat demo payload and the rawData
 * signature example, plus helpers that make fresh ciphertext with node:crypto for round trips.
 */
import { createCipheriv, generateKeyPairSync, randomBytes, sign as cryptoSign, type KeyPairKeyObjectResult } from 'node:crypto';

/** The official WXBizDataCrypt demo (appId, sessionKey, iv, 400-byte ciphertext). */
export const officialVector = {
  appid: 'wx4f4bc4dec97d474b',
  sessionKey: 'tiihtNczf5v6AKRyjwEUhQ==',
  iv: 'r7BXXKkLb8qrSNn05n0qiA==',
  encryptedData:
    'CiyLU1Aw2KjvrjMdj8YKliAjtP4gsMZMQmRzooG2xrDcvSnxIMXFufNstNGTyaGS9uT5geRa0W4oTOb1WT7fJlAC+oNPdbB+3hVbJSRgv+4lGOETKUQz6OYStslQ142dNCuabNPGBzlooOmB231qMM85d2/fV6ChevvXvQP8Hkue1poOFtnEtpyxVLW1zAo6/1Xx1COxFvrc2d7UL/lmHInNlxuacJXwu0fjpXfz/YqYzBIBzD6WUfTIF9GRHpOn/Hz7saL8xz+W//FRAUid1OksQaQx4CMs8LOddcQhULW4ucetDf96JcR3g0gfRK4PC7E/r7Z6xNrXd2UIeorGj5Ef7b1pJAYB6Y5anaHqZ9J6nKEBvB4DnNLIVWSgARns/8wR2SiRS7MNACwTyrGvt9ts8p12PKFdlqYTopNHR1Vf7XjfhQlVsAJdNiKdYmYVoKlaRv85IfVunYzO0IKXsyl7JCUjCpoG20f0a04COwfneQAGGwd5oa+T8yO5hzuyDb/XcxxmK01EpqOyuxINew==',
  /** The exact decrypted bytes (393 of them). */
  plaintext:
    '{"openId":"oGZUI0egBJY1zhBYw2KhdUfwVJJE","nickName":"Band","gender":1,"language":"zh_CN","city":"Guangzhou","province":"Guangdong","country":"CN","avatarUrl":"http://wx.qlogo.cn/mmopen/vi_32/aSKcBBPpibyKNicHNTMM0qJVh8Kjgiak2AHWr8MHM4WgMEm7GFhsf8OYrySdbvAMvTsw3mo8ibKicsnfN5pRjl1p8HQ/0","unionId":"ocMvos6NjeKLIBqg5Mr9QjxrP1FA","watermark":{"timestamp":1477314187,"appid":"wx4f4bc4dec97d474b"}}',
  /** 2016-10-24T13:03:07Z, the watermark time. */
  timestampMs: 1477314187 * 1000,
};

/** The official rawData signature example. */
export const signatureExample = {
  rawData:
    '{"nickName":"Band","gender":1,"language":"zh_CN","city":"Guangzhou","province":"Guangdong","country":"CN","avatarUrl":"http://wx.qlogo.cn/mmopen/vi_32/1vZvI39NWFQ9XM4LtQpFrQJ1xlgZxx3w7bQxKARol6503Iuswjjn6nIGBiaycAjAtpujxyzYsrztuuICqIM5ibXQ/0"}',
  sessionKey: 'HyVFkGl5F5OQWJZZaNzBBg==',
  signature: '75e81ceda165f4ffa64f4068af58c64b8f54b88c',
};

/** AES-CBC with PKCS#7 padding, as the platforms encrypt; returns base64. */
export function encrypt(plaintext: string, key: Buffer, iv: Buffer): string {
  const cipher = createCipheriv(`aes-${key.length * 8}-cbc`, key, iv);
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

/** A fresh WeChat-style payload: random 16-byte session_key and iv, base64 like the platform sends them. */
export function wechatPayload(plaintext: string): { sessionKey: string; iv: string; encryptedData: string } {
  const key = randomBytes(16);
  const iv = randomBytes(16);
  return { sessionKey: key.toString('base64'), iv: iv.toString('base64'), encryptedData: encrypt(plaintext, key, iv) };
}

/** A fresh Alipay AES payload: a random key of `bytes` bytes and an all-zero iv. */
export function alipayPayload(plaintext: string, bytes = 16): { aesKey: string; ciphertext: string } {
  const key = randomBytes(bytes);
  return { aesKey: key.toString('base64'), ciphertext: encrypt(plaintext, key, Buffer.alloc(16)) };
}

let rsaPair: KeyPairKeyObjectResult | undefined;

/**
 * Signs `response` the way Alipay does (SHA256withRSA over `"` + response + `"`, or SHA1withRSA for the
 * legacy `RSA` sign type) with a test key pair, made once per process. Returns the sign and the public key
 * as PEM and as the console's bare base64.
 */
export function alipaySigned(
  response: string,
  algorithm: 'sha256' | 'sha1' = 'sha256',
): { sign: string; publicKey: string; bareKey: string } {
  rsaPair ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
  const sign = cryptoSign(algorithm, Buffer.from(`"${response}"`, 'utf8'), rsaPair.privateKey).toString('base64');
  const publicKey = rsaPair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const bareKey = rsaPair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  return { sign, publicKey, bareKey };
}
