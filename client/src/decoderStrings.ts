/**
 * The decoder panel's own interface text (labels, buttons, headings) in both documentation languages.
 * Explanations of payloads come from the decoder core and the catalog, not from here.
 */
import type { DocsLanguage } from '../../server/src/catalog';

const en = {
  title: 'Decode User-Info Payload',
  intro:
    'Paste what a user-info call returned: a whole success result (JSON or as console.log prints it), encryptedData, rawData, an Alipay response, an errMsg or an Alipay code. Keys stay in this panel and are forgotten when it closes.',
  payload: 'Payload',
  payloadPlaceholder: "{ errMsg: 'getUserProfile:ok', encryptedData: '…', iv: '…', … }",
  sessionKey: 'session_key (WeChat / Douyin)',
  aesKey: 'AES key (Alipay)',
  alipayPublicKey: 'Alipay public key (to verify sign)',
  iv: 'iv (only for encryptedData pasted alone)',
  appid: 'Your appid (checked against the watermark)',
  decode: 'Decode',
  decodeHint: 'Ctrl+Enter in any field also decodes.',
  clear: 'Clear',
  format: 'Recognised format',
  verdicts: 'Checks',
  errors: 'Errors',
  notes: 'Notes',
  inputFields: 'Fields',
  decodedFields: 'Decoded fields',
  field: 'Field',
  value: 'Value',
  meaning: 'Meaning',
  raw: 'Raw JSON',
  copy: 'Copy JSON',
  decryptedText: 'Decrypted text (not JSON)',
  copyText: 'Copy text',
  copied: 'Copied',
  decoding: 'Decoding…',
  pass: 'passed',
  fail: 'failed',
  skipped: 'not checked',
};

/** Every string the panel shows that is not an explanation. */
export type DecoderStrings = typeof en;

const zh: DecoderStrings = {
  title: '解码用户信息数据',
  intro:
    '粘贴用户信息接口返回的内容：完整的成功回调结果（JSON 或 console.log 的输出）、encryptedData、rawData、支付宝 response、errMsg 或支付宝错误码。密钥只留在本面板中，关闭即丢弃。',
  payload: '数据',
  payloadPlaceholder: "{ errMsg: 'getUserProfile:ok', encryptedData: '…', iv: '…', … }",
  sessionKey: 'session_key（微信 / 抖音）',
  aesKey: 'AES 密钥（支付宝）',
  alipayPublicKey: '支付宝公钥（用于验签）',
  iv: 'iv（仅在单独粘贴 encryptedData 时需要）',
  appid: '你的 appid（与 watermark 比对）',
  decode: '解码',
  decodeHint: '在任意输入框中按 Ctrl+Enter 也可解码。',
  clear: '清空',
  format: '识别出的格式',
  verdicts: '校验',
  errors: '错误',
  notes: '说明',
  inputFields: '字段',
  decodedFields: '解码后的字段',
  field: '字段',
  value: '值',
  meaning: '含义',
  raw: '原始 JSON',
  copy: '复制 JSON',
  decryptedText: '解密后的文本（不是 JSON）',
  copyText: '复制文本',
  copied: '已复制',
  decoding: '正在解码…',
  pass: '通过',
  fail: '未通过',
  skipped: '未校验',
};

/** The panel's strings in a documentation language. */
export function decoderStrings(language: DocsLanguage): DecoderStrings {
  return language === 'zh-cn' ? zh : en;
}
