/**
 * The words the rendered documentation is built from: headings, table headers and the sentences that
 * explain a constraint. They live here, next to the facts, so that no prose exists outside the catalog.
 */
import type { ApiNamespace, Localized, Platform } from './types';

/** Fixed labels. */
export const labels = {
  options: { en: 'Options', zh: '参数' },
  option: { en: 'Option', zh: '参数' },
  value: { en: 'Value', zh: '取值' },
  type: { en: 'Type', zh: '类型' },
  required: { en: 'Required', zh: '必填' },
  optional: { en: 'optional', zh: '可选' },
  default: { en: 'Default', zh: '默认值' },
  description: { en: 'Description', zh: '说明' },
  allowedValues: { en: 'Allowed values', zh: '合法值' },
  values: { en: 'Values', zh: '取值' },
  resultFields: { en: 'Success result', zh: '成功回调结果' },
  field: { en: 'Field', zh: '字段' },
  fields: { en: 'Fields', zh: '字段' },
  baseLibrary: { en: 'Base library', zh: '基础库' },
  since: { en: 'since', zh: '起' },
  promiseStyle: { en: 'Promise style', zh: 'Promise 风格' },
  plugin: { en: 'Plugins', zh: '小程序插件' },
  yes: { en: 'yes', zh: '支持' },
  no: { en: 'no', zh: '不支持' },
  pitfalls: { en: 'Pitfalls', zh: '注意事项' },
  policy: { en: 'Policy changes', zh: '政策调整' },
  errors: { en: 'Known errors', zh: '常见错误' },
  cause: { en: 'Cause', zh: '原因' },
  fix: { en: 'Fix', zh: '解决' },
  deprecated: { en: 'Deprecated', zh: '已废弃' },
  legacy: { en: 'legacy', zh: '历史取值' },
  platformSupport: { en: 'Platform support', zh: '平台支持' },
  runs: { en: 'runs', zh: '对应' },
  taroVersion: { en: 'Taro', zh: 'Taro 版本' },
  onlyOn: { en: 'only on', zh: '仅限' },
  events: { en: 'Events', zh: '事件' },
  example: { en: 'Example', zh: '示例' },
  listenerArguments: { en: 'Listener arguments', zh: '监听函数参数' },
  eventDetail: { en: 'Event detail (`e.detail`)', zh: '事件参数（`e.detail`）' },
  useInstead: { en: 'Use instead', zh: '替代方案' },
  inFrameworks: { en: 'In frameworks', zh: '框架写法' },
  anyApi: {
    en: 'any API: the name before ":fail" is the call that failed',
    zh: '任一接口：":fail" 前面是失败的接口名',
  },
  markup: { en: 'Markup', zh: '模板' },
  officialDocs: { en: 'Official documentation', zh: '官方文档' },
  announcement: { en: 'announcement', zh: '公告' },
  apiReference: { en: 'API reference', zh: 'API 参考' },
  resultTypes: { en: 'Result types', zh: '结果类型' },
  markupAttributes: { en: 'Markup attributes', zh: '模板属性' },
  flows: { en: 'Flow snippets', zh: '完整流程代码片段' },
  flowSnippet: { en: 'flow snippet', zh: '完整流程代码片段' },
  generatedNotice: {
    en: 'Generated from the catalog by `npm run docs`; do not edit by hand.',
    zh: '由 `npm run docs` 根据目录生成，请勿手动修改。',
  },
  contents: { en: 'Contents', zh: '目录' },
  colon: { en: ': ', zh: '：' },
  period: { en: '.', zh: '。' },
  semicolon: { en: '; ', zh: '；' },
  comma: { en: ', ', zh: '、' },
  wordGap: { en: ' ', zh: '' },
} satisfies Record<string, Localized>;

/** Display names of the host platforms. */
export const platformNames: Record<Platform, Localized> = {
  wechat: { en: 'WeChat', zh: '微信' },
  alipay: { en: 'Alipay', zh: '支付宝' },
  douyin: { en: 'Douyin', zh: '抖音' },
};

/** Section titles of the namespaces in the generated reference. */
export const namespaceTitles: Record<ApiNamespace, Localized> = {
  wx: { en: 'WeChat (`wx`)', zh: '微信（`wx`）' },
  my: { en: 'Alipay (`my`)', zh: '支付宝（`my`）' },
  tt: { en: 'Douyin (`tt`)', zh: '抖音（`tt`）' },
  Taro: { en: 'Taro (`@tarojs/taro`)', zh: 'Taro（`@tarojs/taro`）' },
  uni: { en: 'uni-app (`uni`)', zh: 'uni-app（`uni`）' },
};

/** The sentences that explain an API's constraints, built from the constraint's parameters. */
export const constraintTexts = {
  tapOnly: (errMsgs: string[]): Localized => ({
    en: `Tap only: call it synchronously inside a tap handler. On page load, after \`await\`, in \`.then\`, \`setTimeout\` or another API's callback it fails${errMsgs.length ? ` with ${errMsgs.map((m) => `\`${m}\``).join(' / ')}` : ''}.`,
    zh: `仅限点击事件：必须在点击事件处理函数中同步调用。在页面加载时、\`await\` 之后、\`.then\`、\`setTimeout\` 或其他 API 的回调中调用会失败${errMsgs.length ? `，报错 ${errMsgs.map((m) => `\`${m}\``).join(' / ')}` : ''}。`,
  }),
  desc: (max: number): Localized => ({
    en: `\`desc\` is required and must not be empty. Keep it within ${max} units: WeChat counts a Chinese character as 2 (observed behaviour; the docs only say "${max} characters").`,
    zh: `\`desc\` 必填且不能为空。长度不超过 ${max} 个单位：微信实际按一个汉字计 2 计算（实测行为，文档只写“${max} 个字符”）。`,
  }),
  loginFirst: (api: string, until?: string): Localized => ({
    en: `Call \`${api}\` first${until ? ` (not needed from base library ${until}, where login is built in)` : ''}.`,
    zh: `调用前需先执行 \`${api}\`${until ? `（基础库 ${until} 起已内置登录，无需再调用）` : ''}。`,
  }),
  responseIsJsonString: {
    en: '`res.response` is a JSON string: read `JSON.parse(res.response).response` and check `code === "10000"`.',
    zh: '`res.response` 是 JSON 字符串：请读取 `JSON.parse(res.response).response` 并判断 `code === "10000"`。',
  } satisfies Localized,
  authorizeScope: (scope: string): Localized => ({
    en: `Needs consent through \`<button open-type="getAuthorize" scope="${scope}">\` first: call it from \`onGetAuthorize\`.`,
    zh: `需先通过 \`<button open-type="getAuthorize" scope="${scope}">\` 获得授权：请在 \`onGetAuthorize\` 中调用。`,
  }),
  noPromise: {
    en: 'No Promise style: pass `success` and `fail` callbacks instead of `await` or `.then`.',
    zh: '不支持 Promise 风格：请传入 `success` 和 `fail` 回调，不要使用 `await` 或 `.then`。',
  } satisfies Localized,
  belowLibVersion: (required: string, project: string): Localized => ({
    en: `Needs base library ${required}; the project targets ${project}. Guard the call (e.g. \`if (wx.canIUse(…))\`).`,
    zh: `需要基础库 ${required}，而项目最低为 ${project}。请做兼容判断（如 \`if (wx.canIUse(…))\`）。`,
  }),
  notOnPlatform: (platform: Localized): Localized => ({
    en: `Not available on ${platform.en}.`,
    zh: `${platform.zh}上不可用。`,
  }),
  noLongerReturned: { en: 'No longer returned', zh: '已不再返回' } satisfies Localized,
  privacyInterface: {
    en: 'A privacy interface (from base library 2.32.3): the privacy guide must declare the data it collects (else errno 112), and the user must have agreed to the guide (else errno 104).',
    zh: '隐私接口（基础库 2.32.3 起）：隐私保护指引必须声明它收集的信息（否则 errno 112），且用户必须已同意指引（否则 errno 104）。',
  } satisfies Localized,
};
