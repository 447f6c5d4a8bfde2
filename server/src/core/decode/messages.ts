/**
 * The decoder's own sentences (input problems, verdicts, format names), in both documentation
 * languages. Platform facts (field meanings, error causes and fixes, policy dates) are not here: they
 * come from the catalog.
 */
import type { DocsLanguage, Localized } from '../../catalog';
import type { DecodeError, DecodeErrorCode, FormatKind } from './types';

type Params = Record<string, string | number>;

/**
 * Error templates: one per code, plus a wording of `bad-padding` for Alipay's AES key and one of
 * `invalid-base64` for a key or iv, which says the shape expected and what was given.
 */
type ErrorTemplate = DecodeErrorCode | 'bad-padding-alipay' | 'invalid-base64-key';

const errorTexts: Record<ErrorTemplate, Localized> = {
  'empty-input': {
    en: 'Nothing to decode: paste a payload, or give encryptedData + iv, rawData + signature, or an Alipay response.',
    zh: '没有可解码的内容：请粘贴数据，或提供 encryptedData + iv、rawData + signature，或支付宝的 response。',
  },
  'input-too-large': {
    en: 'The input is {size} bytes; the decoder accepts at most {limit} bytes. A user-info payload is a few kilobytes.',
    zh: '输入有 {size} 字节，解码器最多接受 {limit} 字节。用户信息数据通常只有几 KB。',
  },
  'invalid-object': {
    en: 'The pasted object could not be read: {reason} (line {line}, column {column}).',
    zh: '无法读取粘贴的对象：{reason}（第 {line} 行，第 {column} 列）。',
  },
  'unrecognised-input': {
    en: 'The input is not a payload the decoder knows: expected a success object, encryptedData/iv, rawData/signature, an Alipay response, an errMsg or an Alipay code.',
    zh: '无法识别输入：应为成功回调对象、encryptedData/iv、rawData/signature、支付宝 response、errMsg 或支付宝错误码。',
  },
  'invalid-base64': {
    en: '{field} is not valid base64: {reason}',
    zh: '{field} 不是有效的 base64：{reason}',
  },
  'invalid-base64-key': {
    en: '{shape}; {given}. {hint}',
    zh: '{shape}；{given}。{hint}',
  },
  'session-key-length': {
    en: 'The session_key must be 24 base64 characters (16 bytes); this one is {length} characters ({bytes} bytes). Pass the session_key that code2Session returned, not the wx.login code or the openid.',
    zh: 'session_key 应为 24 个 base64 字符（16 字节）；这个值有 {length} 个字符（{bytes} 字节）。请使用 code2Session 返回的 session_key，而不是 wx.login 的 code 或 openid。',
  },
  'iv-length': {
    en: 'The iv must be 24 base64 characters (16 bytes); this one is {length} characters ({bytes} bytes). Use the iv returned together with this encryptedData.',
    zh: 'iv 应为 24 个 base64 字符（16 字节）；这个值有 {length} 个字符（{bytes} 字节）。请使用与这份 encryptedData 一起返回的 iv。',
  },
  'aes-key-length': {
    en: 'The Alipay AES key, as the open platform issues it, is 24 base64 characters (16 bytes); this one is {length} characters ({bytes} bytes). Copy the AES key (接口内容加密方式) from the Alipay console. (Keys of 24 or 32 bytes, for AES-192 and AES-256, are accepted too.)',
    zh: '支付宝开放平台下发的 AES 密钥是 24 个 base64 字符（16 字节）；这个值有 {length} 个字符（{bytes} 字节）。请从支付宝开放平台复制“接口内容加密方式”中的 AES 密钥。（也接受 24 或 32 字节的密钥，即 AES-192 和 AES-256。）',
  },
  'ciphertext-length': {
    en: '{field} decodes to {bytes} bytes, which is not a whole number of 16-byte AES blocks: the text was cut short or is not this ciphertext.',
    zh: '{field} 解码后为 {bytes} 字节，不是 16 字节 AES 分组的整数倍：数据被截断，或者不是密文。',
  },
  'missing-iv': {
    en: 'encryptedData needs the iv that came with it: both are fields of the same success result.',
    zh: '解密 encryptedData 需要同时返回的 iv：两者都在同一个成功回调结果里。',
  },
  'bad-padding': {
    en: 'Decryption failed (bad padding): the key does not match this ciphertext. A common cause is a stale session_key: a later wx.login/tt.login replaced it on the server, so use the session_key from the login that preceded this call.',
    zh: '解密失败（填充错误）：密钥与密文不匹配。常见原因是 session_key 已过期：之后的 wx.login/tt.login 在服务端换出了新的 session_key，请使用本次调用之前那次登录得到的 session_key。',
  },
  'bad-padding-alipay': {
    en: 'Decryption failed (bad padding): the AES key does not match this ciphertext. Check that the key is the one currently set for this app in the Alipay console.',
    zh: '解密失败（填充错误）：AES 密钥与密文不匹配。请确认该密钥就是支付宝开放平台中此应用当前配置的密钥。',
  },
  'not-json': {
    en: 'The padding is valid, but the decrypted bytes are garbled, not the content. {hint}',
    zh: '填充有效，但解密得到的是乱码，而不是原文。{hint}',
  },
  'appid-mismatch': {
    en: 'watermark.appid is {actual}, not {expected}: the data was produced for another mini-program. Check that the session_key and appid belong to the same app.',
    zh: 'watermark.appid 为 {actual}，而不是 {expected}：这份数据属于另一个小程序。请确认 session_key 与 appid 属于同一个应用。',
  },
  'signature-format': {
    en: 'signature must be 40 hexadecimal characters (a SHA-1 digest); got {length} characters.',
    zh: 'signature 应为 40 个十六进制字符（SHA-1 摘要），实际为 {length} 个字符。',
  },
  'signature-mismatch': {
    en: 'The signature does not match sha1(rawData + session_key). {hint}',
    zh: '签名与 sha1(rawData + session_key) 不一致。{hint}',
  },
  'invalid-envelope': {
    en: 'The Alipay response field is not valid JSON: {reason}',
    zh: '支付宝 response 字段不是有效的 JSON：{reason}',
  },
  'invalid-public-key': {
    en: 'The Alipay public key cannot be used: {reason} Paste the "支付宝公钥" (Alipay public key) from the open platform console, not your app\'s own public or private key.',
    zh: '无法使用该支付宝公钥：{reason}请粘贴开放平台控制台中的“支付宝公钥”，而不是应用自己的公钥或私钥。',
  },
  'alipay-sign-mismatch': {
    en: 'The sign does not verify against this Alipay public key: the response was altered, or the key belongs to another app or to the sandbox.',
    zh: '用该支付宝公钥验签失败：response 被改动过，或公钥属于其他应用或沙箱环境。',
  },
};

/** Extra texts used inside the templates above and in notes and verdicts. */
const texts = {
  'not-json-iv': {
    en: 'Only the first 16 bytes are garbled, so the iv is wrong: use the iv returned with this encryptedData.',
    zh: '只有前 16 字节是乱码，说明 iv 不对：请使用与这份 encryptedData 一起返回的 iv。',
  },
  'not-json-iv-watermark': {
    en: "Only the first 16 bytes are damaged (the rest is the platform's JSON with its watermark), so the iv is wrong: use the iv returned with this encryptedData.",
    zh: '只有前 16 字节被破坏（其余部分是平台带 watermark 的 JSON），说明 iv 不对：请使用与这份 encryptedData 一起返回的 iv。',
  },
  'not-json-key': {
    en: 'They are not UTF-8 text: the key is most likely wrong and the padding only happened to look valid (about 1 wrong key in 256 does that).',
    zh: '它们不是 UTF-8 文本：很可能是密钥不对，只是填充碰巧看起来有效（大约每 256 个错误密钥就有 1 个如此）。',
  },
  'shape-session_key': {
    en: 'The session_key must be 24 base64 characters (16 bytes)',
    zh: 'session_key 应为 24 个 base64 字符（16 字节）',
  },
  'shape-iv': {
    en: 'The iv must be 24 base64 characters (16 bytes)',
    zh: 'iv 应为 24 个 base64 字符（16 字节）',
  },
  'shape-aes-key': {
    en: 'The Alipay AES key, as the open platform issues it, is 24 base64 characters (16 bytes)',
    zh: '支付宝开放平台下发的 AES 密钥是 24 个 base64 字符（16 字节）',
  },
  'given-empty': { en: 'this one is empty', zh: '这个值是空的' },
  'given-char': {
    en: 'this one is {length} characters, and the character at position {position} ({char}) is not a base64 character',
    zh: '这个值有 {length} 个字符，其中第 {position} 个字符（{char}）不是 base64 字符',
  },
  'given-padding-misplaced': {
    en: 'this one is {length} characters, with a "=" at position {position}, where base64 padding cannot be ("=" only ends the text, at most twice)',
    zh: '这个值有 {length} 个字符，第 {position} 个字符是 "="，而 base64 填充不能出现在这里（"=" 只能出现在末尾，最多两个）',
  },
  'given-impossible': {
    en: 'this one is {length} characters ({data} before any "=" padding), a length no base64 text has',
    zh: '这个值有 {length} 个字符（"=" 填充之前有 {data} 个），base64 文本不可能是这个长度',
  },
  'given-unpadded': {
    en: 'this one is {length} characters ({bytes} bytes once its "=" padding is fixed)',
    zh: '这个值有 {length} 个字符（"=" 填充修正后为 {bytes} 字节）',
  },
  'hint-ellipsis': {
    en: 'It contains "…", so a console or a log shortened it; copy the full value.',
    zh: '其中含有“…”，说明控制台或日志把它截短了；请复制完整的值。',
  },
  'hint-retype': {
    en: 'A character was added or lost when it was copied; copy it again in full.',
    zh: '复制时多了或少了字符；请重新完整复制。',
  },
  'hint-padding-lost': {
    en: 'The "=" padding at its end was lost (a URL, a form field or a trim drops it); add it back.',
    zh: '末尾的 "=" 填充丢失了（经过 URL、表单字段或去除空白时常被丢掉）；请补回。',
  },
  'hint-padding-extra': {
    en: 'It has more "=" at its end than its length allows: characters were lost before them.',
    zh: '末尾的 "=" 比其长度允许的多：前面丢失了字符。',
  },
  'hint-length-session_key': {
    en: 'Even so it is not 16 bytes: pass the session_key that code2Session returned, not the wx.login code or the openid.',
    zh: '即便如此也不是 16 字节：请使用 code2Session 返回的 session_key，而不是 wx.login 的 code 或 openid。',
  },
  'hint-length-iv': {
    en: 'Even so it is not 16 bytes: use the iv returned together with this encryptedData.',
    zh: '即便如此也不是 16 字节：请使用与这份 encryptedData 一起返回的 iv。',
  },
  'hint-length-aes-key': {
    en: 'Even so it is not 16 bytes: copy the AES key (接口内容加密方式) from the Alipay console.',
    zh: '即便如此也不是 16 字节：请从支付宝开放平台复制“接口内容加密方式”中的 AES 密钥。',
  },
  'note-not-json': {
    en: 'Decrypted with valid padding, but the content is not JSON, so it is shown as text ({chars} characters). {why}',
    zh: '解密成功（填充有效），但内容不是 JSON，因此按文本显示（{chars} 个字符）。{why}',
  },
  'note-json-too-deep': {
    en: 'Decrypted with valid padding; the content is JSON nested deeper than {limit} levels, which the decoder does not read, so it is shown as text. {why}',
    zh: '解密成功（填充有效）；内容是嵌套超过 {limit} 层的 JSON，解码器不读取，因此按文本显示。{why}',
  },
  'not-json-why-wechat': {
    en: 'WeChat and Douyin encrypt user data as JSON with a watermark, so the platform did not encrypt this content, and the watermark was not checked. If only its start looks damaged, the iv is wrong: a wrong iv changes just the first 16 bytes.',
    zh: '微信和抖音加密的用户数据都是带 watermark 的 JSON，所以这段内容不是平台加密的，也没有校验 watermark。如果只有开头看起来被破坏，说明 iv 不对：错误的 iv 只会改变前 16 字节。',
  },
  'not-json-why-alipay': {
    en: 'Alipay encrypts a JSON response ({"code": …}), so Alipay did not encrypt this content, and no response code was checked.',
    zh: '支付宝加密的是 JSON 格式的 response（{"code": …}），所以这段内容不是支付宝加密的，也没有校验 response code。',
  },
  'base64-length': {
    en: 'its length {length} is not a multiple of 4, so it was cut short or lost its "=" padding.',
    zh: '长度 {length} 不是 4 的倍数：数据被截断，或丢失了末尾的 "="。',
  },
  'base64-space': {
    en: 'it contains spaces; a "+" turns into a space when the value passes through a URL or form body unescaped. Encode it with encodeURIComponent, or send JSON.',
    zh: '其中含有空格；未转义地经过 URL 或表单传输时，"+" 会变成空格。请用 encodeURIComponent 编码，或改用 JSON 传输。',
  },
  'base64-percent': {
    en: 'it is URL-encoded (contains %2B, %2F or %3D); decode it with decodeURIComponent first.',
    zh: '它经过了 URL 编码（含 %2B、%2F 或 %3D）；请先用 decodeURIComponent 解码。',
  },
  'base64-urlsafe': {
    en: 'it uses the URL-safe alphabet ("-" and "_"); the platform sends standard base64 with "+" and "/".',
    zh: '它使用了 URL 安全字母表（"-" 和 "_"）；平台返回的是带 "+" 和 "/" 的标准 base64。',
  },
  'base64-char': {
    en: 'the character {char} at position {position} is not a base64 character.',
    zh: '位置 {position} 的字符 {char} 不是 base64 字符。',
  },
  'base64-empty': { en: 'it is empty.', zh: '它是空的。' },
  'base64-ellipsis': {
    en: 'it contains "…", so a console shortened it; copy the full value (JSON.stringify(res)).',
    zh: '其中含有“…”，说明控制台把它截短了；请复制完整的值（JSON.stringify(res)）。',
  },
  'object-unexpected': { en: 'unexpected {what}', zh: '意外的 {what}' },
  'object-end': { en: 'the text ends before the object does', zh: '对象尚未结束，文本就结束了' },
  'object-unterminated-string': { en: 'a string is not closed', zh: '字符串没有闭合' },
  'object-bad-escape': { en: 'a string has an invalid escape sequence', zh: '字符串中有无效的转义序列' },
  'object-template': {
    en: 'a template literal contains ${…}, which would need running code',
    zh: '模板字符串中含有 ${…}，需要执行代码才能求值',
  },
  'object-abbreviated': {
    en: 'the console abbreviated this object ({marker}); print it in full with JSON.stringify(res) and paste that',
    zh: '控制台省略了对象的一部分（{marker}）；请用 JSON.stringify(res) 输出完整内容后再粘贴',
  },
  'object-too-deep': { en: 'nesting deeper than {limit} levels', zh: '嵌套超过 {limit} 层' },
  'object-value': {
    en: '{what} is not a plain value (only strings, numbers, booleans, null, objects and arrays are read; nothing is evaluated)',
    zh: '{what} 不是普通值（只读取字符串、数字、布尔值、null、对象和数组；不会执行任何代码）',
  },
  'signature-compact': {
    en: 'It does match the compact form of this rawData: the rawData was re-serialised (pretty-printed or re-ordered) before verification. Verify against the exact rawData string the API returned.',
    zh: '与该 rawData 的紧凑形式一致：rawData 在校验前被重新序列化（格式化或调整了键顺序）。请使用接口返回的原始 rawData 字符串校验。',
  },
  'signature-reserialised': {
    en: 'This rawData looks re-serialised ({how}); the signature covers the exact string the API returned. Otherwise the session_key is not the one of this login.',
    zh: '该 rawData 看起来被重新序列化过（{how}）；签名针对的是接口返回的原始字符串。否则就是 session_key 不属于这次登录。',
  },
  'signature-wrong-key': {
    en: 'rawData is compact, so the session_key is most likely wrong or stale (a later login replaced it), or rawData was edited.',
    zh: 'rawData 是紧凑格式，所以很可能是 session_key 错误或已过期（之后的登录替换了它），或者 rawData 被修改过。',
  },
  'how-whitespace': { en: 'it has whitespace between tokens', zh: '记号之间有空白' },
  'how-key-order': { en: 'its keys are not in the order the platform sends', zh: '键的顺序与平台返回的不同' },
  'how-escapes': { en: 'its string escapes differ from compact JSON', zh: '字符串转义与紧凑 JSON 不同' },
  'note-raw-data-reserialised': {
    en: 'rawData looks re-serialised ({how}). The signature is computed over the exact string the API returned; pass that string unchanged.',
    zh: 'rawData 看起来被重新序列化过（{how}）。签名基于接口返回的原始字符串计算，请原样传递该字符串。',
  },
  'note-signature-uppercase': {
    en: 'The signature is in upper case; the platform sends lower-case hex. It was compared case-insensitively.',
    zh: '签名是大写的；平台返回的是小写十六进制。已按不区分大小写比较。',
  },
  'note-leading-text-ignored': {
    en: 'Text before the object ("{text}") was ignored.',
    zh: '已忽略对象前面的文字（“{text}”）。',
  },
  'note-needs-session-key': {
    en: 'Give the session_key (from code2Session on your server) to decrypt encryptedData and verify the signature.',
    zh: '提供 session_key（服务端通过 code2Session 获得）即可解密 encryptedData 并校验签名。',
  },
  'note-needs-aes-key': {
    en: 'This Alipay response is encrypted; give the AES key from the Alipay console to decrypt it.',
    zh: '这份支付宝 response 是加密的；请提供支付宝开放平台中的 AES 密钥以解密。',
  },
  'note-appid-not-checked': {
    en: 'No appid given, so watermark.appid ({actual}) was not compared; give your appid to check it.',
    zh: '未提供 appid，因此没有比较 watermark.appid（{actual}）；提供你的 appid 即可校验。',
  },
  'note-watermark-in-future': {
    en: 'watermark.timestamp is {age} in the future: the clock of this machine or of the data is off.',
    zh: 'watermark.timestamp 比当前时间晚 {age}：本机时钟或数据的时间有误。',
  },
  'note-alipay-sign-not-verified': {
    en: 'The envelope carries an RSA2 "sign" over the quoted response. Give the Alipay public key to verify it here; your server must verify it too before trusting the data.',
    zh: '该响应带有对加引号 response 的 RSA2 "sign"。提供支付宝公钥即可在此验签；服务端在信任数据之前也必须验签。',
  },
  'public-key-unreadable': {
    en: 'it is neither a PEM block nor the base64 of a public key.',
    zh: '它既不是 PEM 格式，也不是公钥的 base64 文本。',
  },
  'public-key-not-rsa': {
    en: 'it is a {type} key, and Alipay signs with RSA.',
    zh: '它是 {type} 密钥，而支付宝使用 RSA 签名。',
  },
  'verdict-alipay-sign-ok': {
    en: 'The {algorithm} sign over the quoted response verifies with the Alipay public key.',
    zh: '用支付宝公钥对加引号 response 的 {algorithm} 签名验签通过。',
  },
  'verdict-alipay-sign-bad': {
    en: 'The {algorithm} sign over the quoted response does not verify with this public key.',
    zh: '用该公钥对加引号 response 的 {algorithm} 签名验签未通过。',
  },
  'note-unknown-err-msg': {
    en: 'The errMsg "{errMsg}" is not in the catalog. The part before ":fail" names the API ({api}); the rest is the platform\'s reason.',
    zh: '目录中没有 errMsg “{errMsg}”。":fail" 前面是接口名（{api}），后面是平台给出的原因。',
  },
  'note-alipay-code': { en: 'Alipay code {code}: {meaning}.', zh: '支付宝 code {code}：{meaning}。' },
  'unknown-api': { en: 'user-info API', zh: '用户信息接口' },
  'note-alipay-unknown-code': {
    en: 'Alipay returned code {code} ({msg}), which the catalog does not describe; 10000 means success.',
    zh: '支付宝返回了目录中没有记录的 code {code}（{msg}）；10000 表示成功。',
  },
  'note-alipay-legacy-fields': {
    en: 'Legacy fields, always empty: {fields}. {why}',
    zh: '历史遗留字段，恒为空：{fields}。{why}',
  },
  'note-anonymous-data': {
    en: 'Anonymous data, not the real profile: {what} {policy}',
    zh: '这是匿名数据，不是真实资料：{what} {policy}',
  },
  'note-err-msg': {
    en: '{errMsg} ({apis}). Cause: {cause} Fix: {fix}',
    zh: '{errMsg}（{apis}）。原因：{cause} 解决：{fix}',
  },
  'note-no-open-id': {
    en: 'There is no openId or unionId in this data. {why}',
    zh: '数据中没有 openId 或 unionId。{why}',
  },
  'verdict-decrypted': {
    en: 'Decrypted {bytes} bytes with {cipher}.',
    zh: '已用 {cipher} 解密 {bytes} 字节。',
  },
  'verdict-decrypt-failed': { en: 'Decryption failed: {code}.', zh: '解密失败：{code}。' },
  'verdict-decrypt-garbled': { en: 'Decryption gave garbled bytes: {code}.', zh: '解密结果是乱码：{code}。' },
  'verdict-decrypt-not-run': { en: 'Not decrypted, the input is malformed: {code}.', zh: '未解密，输入格式有误：{code}。' },
  'verdict-signature-failed': { en: 'Not verified: {code}.', zh: '未能校验：{code}。' },
  'verdict-decrypt-skipped': { en: 'Not decrypted: no key given.', zh: '未解密：没有提供密钥。' },
  'verdict-signature-ok': {
    en: 'sha1(rawData + session_key) matches the signature.',
    zh: 'sha1(rawData + session_key) 与签名一致。',
  },
  'verdict-signature-bad': {
    en: 'sha1(rawData + session_key) is {actual}, not {expected}.',
    zh: 'sha1(rawData + session_key) 为 {actual}，而不是 {expected}。',
  },
  'verdict-signature-skipped': {
    en: 'Not verified: {what} missing.',
    zh: '未校验：缺少 {what}。',
  },
  'verdict-watermark-ok': {
    en: 'watermark.appid is {appid}; fetched {when} ({age} ago).',
    zh: 'watermark.appid 为 {appid}；获取于 {when}（{age}前）。',
  },
  'verdict-watermark-bad': {
    en: 'watermark.appid is {actual}, expected {expected}; fetched {when} ({age} ago).',
    zh: 'watermark.appid 为 {actual}，应为 {expected}；获取于 {when}（{age}前）。',
  },
  'verdict-watermark-unchecked': {
    en: 'watermark.appid is {appid} (not compared: no appid given); fetched {when} ({age} ago).',
    zh: 'watermark.appid 为 {appid}（未比较：没有提供 appid）；获取于 {when}（{age}前）。',
  },
  'verdict-watermark-not-json': {
    en: 'Not checked: the decrypted content is not JSON.',
    zh: '未校验：解密内容不是 JSON。',
  },
  'verdict-watermark-missing': {
    en: 'The decrypted data has no watermark {appid, timestamp}.',
    zh: '解密数据中没有 watermark {appid, timestamp}。',
  },
  'verdict-code-ok': { en: 'code {code}: {msg}.', zh: 'code {code}：{msg}。' },
  'verdict-code-bad': { en: 'code {code}: {msg}{sub}.', zh: 'code {code}：{msg}{sub}。' },
  'unit-seconds': { en: '{n} s', zh: '{n} 秒' },
  'unit-minutes': { en: '{n} min', zh: '{n} 分钟' },
  'unit-hours': { en: '{n} h', zh: '{n} 小时' },
  'unit-days': { en: '{n} days', zh: '{n} 天' },
  'unit-years': { en: '{n} years', zh: '{n} 年' },
} satisfies Record<string, Localized>;

/** A text key of the decoder's sentences besides the error templates. */
export type TextKey = keyof typeof texts;

const formatTexts: Record<FormatKind, Localized> = {
  'success-object': {
    en: 'A {api} success result ({syntax})',
    zh: '{api} 的成功回调结果（{syntax}）',
  },
  'encrypted-fields': { en: 'encryptedData and iv ({syntax})', zh: 'encryptedData 与 iv（{syntax}）' },
  'raw-data': { en: 'rawData and signature ({syntax})', zh: 'rawData 与 signature（{syntax}）' },
  'decrypted-data': {
    en: 'Already-decrypted user data with a watermark ({syntax})',
    zh: '已解密的用户数据，带 watermark（{syntax}）',
  },
  'user-info': { en: 'A userInfo object ({syntax})', zh: 'userInfo 对象（{syntax}）' },
  'alipay-envelope': {
    en: 'An Alipay response envelope: {"response": "<JSON string>"} ({syntax})',
    zh: '支付宝响应封装：{"response": "<JSON 字符串>"}（{syntax}）',
  },
  'alipay-encrypted-envelope': {
    en: 'An Alipay response envelope with AES-encrypted content ({syntax})',
    zh: '内容经 AES 加密的支付宝响应封装（{syntax}）',
  },
  'alipay-response': {
    en: 'An Alipay inner response object with a code ({syntax})',
    zh: '带 code 的支付宝内层 response 对象（{syntax}）',
  },
  'alipay-ciphertext': {
    en: 'Alipay AES-encrypted content (base64)',
    zh: '支付宝 AES 加密内容（base64）',
  },
  ciphertext: {
    en: 'A base64 ciphertext (encryptedData)',
    zh: 'base64 密文（encryptedData）',
  },
  'err-msg': { en: 'A failure errMsg ({syntax})', zh: '失败回调的 errMsg（{syntax}）' },
  'alipay-code': { en: 'An Alipay result code', zh: '支付宝结果码' },
};

const syntaxTexts: Record<string, Localized> = {
  json: { en: 'JSON', zh: 'JSON' },
  'js-literal': { en: 'JavaScript object literal', zh: 'JavaScript 对象字面量' },
  text: { en: 'text', zh: '文本' },
  fields: { en: 'separate fields', zh: '分别提供的字段' },
};

function pick(text: Localized, language: DocsLanguage): string {
  return language === 'zh-cn' ? text.zh : text.en;
}

/** Fills `{name}` placeholders. Unknown placeholders are left as they are. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Builds a decode error value with its message in the requested language. */
export function decodeError(
  code: DecodeErrorCode,
  language: DocsLanguage,
  params: Params = {},
  template: ErrorTemplate = code,
): DecodeError {
  return { code, message: fill(pick(errorTexts[template], language), params).trimEnd() };
}

/** One of the decoder's sentences in the requested language. */
export function text(key: TextKey, language: DocsLanguage, params: Params = {}): string {
  return fill(pick(texts[key], language), params);
}

/** The sentence naming a recognised format. */
export function formatDescription(kind: FormatKind, syntax: string, language: DocsLanguage, api = ''): string {
  return fill(pick(formatTexts[kind], language), { syntax: pick(syntaxTexts[syntax] ?? syntaxTexts.text!, language), api });
}
