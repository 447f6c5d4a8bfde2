/**
 * The code the corpus is made of: mini-program pages as people write them. A native page is a script
 * (`Page({ data, lifecycle hooks, handlers, helpers })` with `this.setData` and requests) plus its
 * WXML/AXML/TTML; a Taro page is one TSX function component. Each page draws its entity, its extra
 * handlers and, when it is a user-info page, its user-info cases from the seeded random source, so no
 * two pages are alike. Some user-info cases are mistakes the rules report (a missing or long `desc`,
 * a call after `await` or inside a callback), in roughly the proportions seen in real code.
 */
import type { Random } from './random';

/** The dialect of a native mini-program platform. */
export interface Dialect {
  platform: 'wechat' | 'alipay' | 'douyin';
  ns: 'wx' | 'my' | 'tt';
  markupExt: 'wxml' | 'axml' | 'ttml';
  directive: 'wx:' | 'a:' | 'tt:';
  tap: string;
  input: string;
  scrollToLower: string;
  /** Where an event carries `data-*` values (`currentTarget` on WeChat/Douyin, `target` on Alipay). */
  dataset: 'currentTarget' | 'target';
  /** The text key of showToast/showLoading (`title`, Alipay `content`). */
  toastKey: 'title' | 'content';
  /** The confirmation dialog API (`showModal`, Alipay `confirm`). */
  confirmApi: 'showModal' | 'confirm';
}

export const dialects: Readonly<Record<Dialect['platform'], Dialect>> = {
  wechat: {
    platform: 'wechat',
    ns: 'wx',
    markupExt: 'wxml',
    directive: 'wx:',
    tap: 'bindtap',
    input: 'bindinput',
    scrollToLower: 'bindscrolltolower',
    dataset: 'currentTarget',
    toastKey: 'title',
    confirmApi: 'showModal',
  },
  alipay: {
    platform: 'alipay',
    ns: 'my',
    markupExt: 'axml',
    directive: 'a:',
    tap: 'onTap',
    input: 'onInput',
    scrollToLower: 'onScrollToLower',
    dataset: 'target',
    toastKey: 'content',
    confirmApi: 'confirm',
  },
  douyin: {
    platform: 'douyin',
    ns: 'tt',
    markupExt: 'ttml',
    directive: 'tt:',
    tap: 'bindtap',
    input: 'bindinput',
    scrollToLower: 'bindscrolltolower',
    dataset: 'currentTarget',
    toastKey: 'title',
    confirmApi: 'showModal',
  },
};

/** What a page lists. */
export interface Entity {
  en: string;
  zh: string;
  /** Extra fields of a list item besides id, title, price and createdAt. */
  fields: string[];
}

export const entities: readonly Entity[] = [
  { en: 'order', zh: '订单', fields: ['status', 'amount', 'storeName'] },
  { en: 'product', zh: '商品', fields: ['cover', 'stock', 'sales'] },
  { en: 'coupon', zh: '优惠券', fields: ['discount', 'expireAt', 'threshold'] },
  { en: 'address', zh: '地址', fields: ['receiver', 'phone', 'region'] },
  { en: 'article', zh: '文章', fields: ['author', 'summary', 'readCount'] },
  { en: 'comment', zh: '评论', fields: ['author', 'content', 'likes'] },
  { en: 'activity', zh: '活动', fields: ['startAt', 'place', 'quota'] },
  { en: 'store', zh: '门店', fields: ['distance', 'openHours', 'phone'] },
  { en: 'ticket', zh: '票券', fields: ['seat', 'showAt', 'hall'] },
  { en: 'booking', zh: '预约', fields: ['slot', 'doctor', 'department'] },
  { en: 'course', zh: '课程', fields: ['teacher', 'lessons', 'level'] },
  { en: 'member', zh: '会员', fields: ['level', 'points', 'expireAt'] },
];
const views = ['list', 'detail', 'manage', 'history', 'search', 'center'];
/** `desc` values the rules accept. */
export const goodDescs = [
  '用于完善会员资料',
  '用于展示头像和昵称',
  '用于完善个人资料',
  'Show your avatar on profile',
  '用于生成专属会员卡',
];
/** A `desc` over 30 characters (`desc-too-long`). */
export const longDesc = '用于展示用户头像、昵称并完善会员信息以便提供更好的个性化服务';

/** The word with its first letter in upper case. */
export function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A page's name and what it shows. */
export interface PageIdentity {
  entity: Entity;
  /** `order-list-0042`: the folder and file stem. */
  stem: string;
}

/** Draws a page's identity; `serial` keeps names unique within a project. */
export function pageIdentity(random: Random, serial: number): PageIdentity {
  const entity = random.pick(entities);
  return { entity, stem: `${entity.en}-${random.pick(views)}-${String(serial).padStart(4, '0')}` };
}

/** A handler or helper of a native page: its members in the `Page({...})` object and its markup. */
interface Block {
  members: string[];
  markup: string[];
}

type ExtraId =
  'delete' | 'favorite' | 'tab' | 'share' | 'copy' | 'preview' | 'location' | 'submit' | 'call' | 'summary' | 'filter' | 'phone';
const extraIds: readonly ExtraId[] = [
  'delete',
  'favorite',
  'tab',
  'share',
  'copy',
  'preview',
  'location',
  'submit',
  'call',
  'summary',
  'filter',
  'phone',
];

/** The user-info cases a native page of each platform may contain; `bad` ones are mistakes the rules report. */
const nativeCases = {
  wechat: {
    'profile-tap': 6,
    'profile-helper': 3,
    'missing-desc': 1,
    'long-desc': 1,
    'in-login-callback': 1,
    'after-await': 1,
    'legacy-info': 1,
  },
  alipay: { 'open-user-info': 6, phone: 2, 'open-user-info-on-load': 1 },
  douyin: { 'login-then-info': 5, 'profile-tap': 3, 'info-no-login': 2, 'profile-in-callback': 1 },
} as const;

type NativeCase = { [P in keyof typeof nativeCases]: keyof (typeof nativeCases)[P] }[keyof typeof nativeCases];

interface Style {
  ts: boolean;
  d: Dialect;
  /** A suffix for member names, so one file can hold many copies of a block (the single large files). */
  n: string;
  random: Random;
}

/** An event parameter, typed in TypeScript pages. */
function eventParam(s: Style): string {
  return s.ts ? 'e: WechatMiniprogram.BaseEvent' : 'e';
}

function toast(s: Style, text: string, icon = true): string {
  const iconPart = icon && s.d.platform !== 'alipay' ? ", icon: 'none'" : '';
  return `${s.d.ns}.showToast({ ${s.d.toastKey}: '${text}'${iconPart} })`;
}

function extraBlock(id: ExtraId, s: Style, entity: Entity): Block {
  const { ns, tap, dataset, directive } = s.d;
  const n = s.n;
  const path = `${entity.en}s`;
  switch (id) {
    case 'delete':
      return {
        members: [
          `  onTapDelete${n}(${eventParam(s)}) {`,
          `    const { id } = e.${dataset}.dataset;`,
          `    ${ns}.${s.d.confirmApi}({`,
          `      title: '删除${entity.zh}',`,
          `      content: '删除后无法恢复，确定删除吗？',`,
          `      success: (res) => {`,
          `        if (!res.confirm) return;`,
          `        ${ns}.request({`,
          `          url: \`\${API_BASE}/${path}/\${id}\`,`,
          `          method: 'DELETE',`,
          `          success: () => {`,
          `            this.setData({ items: this.data.items.filter((item) => item.id !== id) });`,
          `            ${toast(s, '已删除', false)};`,
          `          },`,
          `        });`,
          `      },`,
          `    });`,
          `  },`,
        ],
        markup: [`    <button class="danger" size="mini" data-id="{{item.id}}" ${tap}="onTapDelete${n}">删除</button>`],
      };
    case 'favorite':
      return {
        members: [
          `  onTapFavorite${n}(${eventParam(s)}) {`,
          `    const { index } = e.${dataset}.dataset;`,
          `    const item = this.data.items[index];`,
          `    const favorite = !item.favorite;`,
          `    this.setData({ [\`items[\${index}].favorite\`]: favorite });`,
          `    ${ns}.request({`,
          `      url: \`\${API_BASE}/${path}/\${item.id}/favorite\`,`,
          `      method: favorite ? 'POST' : 'DELETE',`,
          `      fail: () => {`,
          `        this.setData({ [\`items[\${index}].favorite\`]: !favorite });`,
          `        ${toast(s, '网络异常，请稍后再试')};`,
          `      },`,
          `    });`,
          `  },`,
        ],
        markup: [
          `    <view class="fav {{item.favorite ? 'on' : ''}}" data-index="{{index}}" ${tap}="onTapFavorite${n}">收藏</view>`,
        ],
      };
    case 'tab':
      return {
        members: [
          `  onChangeTab${n}(${eventParam(s)}) {`,
          `    const tab = Number(e.${dataset}.dataset.tab);`,
          `    if (tab === this.data.activeTab) return;`,
          `    this.setData({ activeTab: tab, items: [], finished: false });`,
          `    this.loadItems(true);`,
          `  },`,
        ],
        markup: [
          `  <view class="tabs">`,
          `    <view ${directive}for="{{tabs}}" ${directive}key="*this" class="tab {{activeTab === index ? 'active' : ''}}" data-tab="{{index}}" ${tap}="onChangeTab${n}">{{item}}</view>`,
          `  </view>`,
        ],
      };
    case 'share':
      return {
        members: [
          `  onShareAppMessage() {`,
          `    const first = this.data.items[0];`,
          `    return {`,
          `      title: first ? first.title : '${entity.zh}推荐',`,
          `      path: \`/pages/${entity.en}-detail/${entity.en}-detail?id=\${first ? first.id : ''}\`,`,
          `    };`,
          `  },`,
        ],
        markup: [`  <button open-type="share" class="share">分享给好友</button>`],
      };
    case 'copy':
      return {
        members: [
          `  onTapCopy${n}(${eventParam(s)}) {`,
          `    const { text } = e.${dataset}.dataset;`,
          `    ${ns}.setClipboardData({`,
          `      data: String(text),`,
          `      success: () => ${toast(s, '已复制', false)},`,
          `    });`,
          `  },`,
        ],
        markup: [`    <text class="copy" data-text="{{item.id}}" ${tap}="onTapCopy${n}">复制编号</text>`],
      };
    case 'preview':
      return {
        members: [
          `  onTapPreview${n}(${eventParam(s)}) {`,
          `    const { url } = e.${dataset}.dataset;`,
          `    const urls = this.data.items.map((item) => item.cover).filter(Boolean);`,
          `    ${ns}.previewImage({ current: url, urls });`,
          `  },`,
        ],
        markup: [
          `    <image class="cover" mode="aspectFill" src="{{item.cover}}" data-url="{{item.cover}}" ${tap}="onTapPreview${n}" />`,
        ],
      };
    case 'location':
      return {
        members: [
          `  onTapNearby${n}() {`,
          `    ${ns}.getLocation({`,
          `      type: 'gcj02',`,
          `      success: ({ latitude, longitude }) => {`,
          `        this.setData({ location: { latitude, longitude } });`,
          `        this.loadItems(true);`,
          `      },`,
          `      fail: () => ${toast(s, '需要位置权限才能查看附近的${entity.zh}')},`,
          `    });`,
          `  },`,
        ],
        markup: [`  <view class="nearby" ${tap}="onTapNearby${n}">附近的${entity.zh}</view>`],
      };
    case 'submit':
      return {
        members: [
          `  onSubmit${n}(${eventParam(s)}) {`,
          `    const form = e.detail.value;`,
          `    const missing = ['title', 'remark'].filter((key) => !String(form[key] || '').trim());`,
          `    if (missing.length) {`,
          `      ${toast(s, '请填写完整信息')};`,
          `      return;`,
          `    }`,
          `    this.setData({ submitting: true });`,
          `    ${ns}.request({`,
          `      url: \`\${API_BASE}/${path}\`,`,
          `      method: 'POST',`,
          `      data: { ...form, source: 'miniprogram' },`,
          `      success: () => {`,
          `        ${toast(s, '提交成功', false)};`,
          `        setTimeout(() => ${ns}.navigateBack(), 800);`,
          `      },`,
          `      complete: () => this.setData({ submitting: false }),`,
          `    });`,
          `  },`,
        ],
        markup: [
          `  <form ${s.d.platform === 'alipay' ? 'onSubmit' : 'bindsubmit'}="onSubmit${n}">`,
          `    <input name="title" placeholder="标题" />`,
          `    <textarea name="remark" placeholder="备注" />`,
          `    <button form-type="submit" loading="{{submitting}}">提交</button>`,
          `  </form>`,
        ],
      };
    case 'call':
      return {
        members: [
          `  onTapCall${n}() {`,
          `    const phone = this.data.servicePhone || '400-000-0000';`,
          `    ${ns}.makePhoneCall({ ${s.d.platform === 'alipay' ? 'number' : 'phoneNumber'}: phone });`,
          `  },`,
        ],
        markup: [`  <view class="service" ${tap}="onTapCall${n}">联系客服</view>`],
      };
    case 'summary':
      return {
        members: [
          `  updateSummary${n}() {`,
          `    const total = this.data.items.reduce((sum, item) => sum + (item.price || 0), 0);`,
          `    const count = this.data.items.filter((item) => item.selected).length;`,
          `    this.setData({ summary: { total: formatPrice(total), count } });`,
          `  },`,
          ``,
          `  onTapSelect${n}(${eventParam(s)}) {`,
          `    const { index } = e.${dataset}.dataset;`,
          `    this.setData({ [\`items[\${index}].selected\`]: !this.data.items[index].selected });`,
          `    this.updateSummary${n}();`,
          `  },`,
        ],
        markup: [`    <checkbox checked="{{item.selected}}" data-index="{{index}}" ${tap}="onTapSelect${n}" />`],
      };
    case 'filter':
      return {
        members: [
          `  onTapFilter${n}(${eventParam(s)}) {`,
          `    const { status } = e.${dataset}.dataset;`,
          `    const visible = status === 'all' ? this.allItems : this.allItems.filter((item) => item.status === status);`,
          `    this.setData({ status, items: visible });`,
          `  },`,
        ],
        markup: [
          `  <view class="filters">`,
          `    <text data-status="all" ${tap}="onTapFilter${n}">全部</text>`,
          `    <text data-status="done" ${tap}="onTapFilter${n}">已完成</text>`,
          `  </view>`,
        ],
      };
    case 'phone':
      // Asking for the phone number goes through a button; the script only receives the result.
      if (s.d.platform !== 'wechat') return extraBlock('call', s, entity);
      return {
        members: [
          `  onGetPhoneNumber${n}(${eventParam(s)}) {`,
          `    if (!e.detail.code) {`,
          `      ${toast(s, '未授权手机号')};`,
          `      return;`,
          `    }`,
          `    ${ns}.request({ url: \`\${API_BASE}/member/phone\`, method: 'POST', data: { code: e.detail.code } });`,
          `  },`,
        ],
        markup: [`  <button open-type="getPhoneNumber" bindgetphonenumber="onGetPhoneNumber${n}">绑定手机号</button>`],
      };
  }
}

function profileSuccess(): string[] {
  return [
    `      success: (res) => {`,
    `        this.setData({ userInfo: res.userInfo, hasUserInfo: true });`,
    `        this.saveProfile(res.userInfo);`,
    `      },`,
  ];
}

function userInfoBlock(kind: NativeCase, s: Style): Block {
  const { ns, tap, directive } = s.d;
  const n = s.n;
  const desc = `'${s.random.pick(goodDescs)}'`;
  const button = (handler: string, label: string) => [
    `  <button ${directive}if="{{!hasUserInfo}}" class="login" ${tap}="${handler}">${label}</button>`,
    `  <view ${directive}else class="user"><image class="avatar" src="{{userInfo.avatarUrl}}" /><text>{{userInfo.nickName}}</text></view>`,
  ];
  switch (kind) {
    case 'profile-tap':
      return {
        members: [
          `  onTapProfile${n}() {`,
          `    ${ns}.getUserProfile({`,
          `      desc: ${desc},`,
          ...profileSuccess(),
          `      fail: () => ${toast(s, '已取消授权')},`,
          `    });`,
          `  },`,
        ],
        markup: button(`onTapProfile${n}`, '完善资料'),
      };
    case 'profile-helper':
      return {
        members: [
          `  onTapLogin${n}() {`,
          `    if (this.data.hasUserInfo) return;`,
          `    this.askProfile${n}();`,
          `  },`,
          ``,
          `  askProfile${n}() {`,
          `    ${ns}.getUserProfile({`,
          `      desc: ${desc},`,
          ...profileSuccess(),
          `    });`,
          `  },`,
        ],
        markup: button(`onTapLogin${n}`, '登录'),
      };
    case 'missing-desc':
      return {
        members: [`  onTapAvatar${n}() {`, `    ${ns}.getUserProfile({`, ...profileSuccess(), `    });`, `  },`],
        markup: button(`onTapAvatar${n}`, '设置头像'),
      };
    case 'long-desc':
      return {
        members: [
          `  onTapMember${n}() {`,
          `    ${ns}.getUserProfile({`,
          `      desc: '${longDesc}',`,
          ...profileSuccess(),
          `    });`,
          `  },`,
        ],
        markup: button(`onTapMember${n}`, '成为会员'),
      };
    case 'in-login-callback':
    case 'profile-in-callback':
      return {
        members: [
          `  onTapSignIn${n}() {`,
          `    ${ns}.login({`,
          `      success: ({ code }) => {`,
          `        this.setData({ loginCode: code });`,
          `        ${ns}.getUserProfile({`,
          `          desc: ${desc},`,
          `          success: (res) => this.saveProfile(res.userInfo),`,
          `        });`,
          `      },`,
          `    });`,
          `  },`,
        ],
        markup: button(`onTapSignIn${n}`, '一键登录'),
      };
    case 'after-await':
      return {
        members: [
          `  async onTapSync${n}() {`,
          `    await this.ensureSession();`,
          `    ${ns}.getUserProfile({`,
          `      desc: ${desc},`,
          `      success: (res) => this.saveProfile(res.userInfo),`,
          `    });`,
          `  },`,
        ],
        markup: button(`onTapSync${n}`, '同步资料'),
      };
    case 'legacy-info':
      return {
        members: [
          `  loadLegacyUserInfo${n}() {`,
          `    ${ns}.getSetting({`,
          `      success: (setting) => {`,
          `        if (!setting.authSetting['scope.userInfo']) return;`,
          `        ${ns}.getUserInfo({ lang: 'zh_CN', success: (res) => this.setData({ userInfo: res.userInfo }) });`,
          `      },`,
          `    });`,
          `  },`,
        ],
        markup: [],
      };
    case 'open-user-info':
    case 'open-user-info-on-load': {
      const onLoad = kind === 'open-user-info-on-load';
      const handler = onLoad ? `refreshUserInfo${n}` : `onGetAuthorize${n}`;
      return {
        members: [
          `  ${handler}() {`,
          `    my.getOpenUserInfo({`,
          `      success: (res) => {`,
          `        const info = JSON.parse(res.response).response;`,
          `        if (info.code !== '10000') return;`,
          `        this.setData({ userInfo: { nickName: info.nickName, avatarUrl: info.avatar }, hasUserInfo: true });`,
          `      },`,
          `      fail: () => ${toast(s, '获取会员信息失败')},`,
          `    });`,
          `  },`,
          ``,
          `  onAuthError${n}(${eventParam(s)}) {`,
          `    if (e.detail.type === 'getAuthorize') ${toast(s, '需要授权才能展示头像昵称')};`,
          `  },`,
        ],
        markup: onLoad
          ? []
          : [
              `  <button ${directive}if="{{!hasUserInfo}}" open-type="getAuthorize" scope="userInfo" onGetAuthorize="${handler}" onError="onAuthError${n}">授权头像昵称</button>`,
            ],
      };
    }
    case 'phone':
      return {
        members: [
          `  onGetPhoneAuthorize${n}() {`,
          `    my.getPhoneNumber({`,
          `      success: (res) => {`,
          `        my.request({ url: \`\${API_BASE}/member/phone\`, method: 'POST', data: { response: res.response } });`,
          `      },`,
          `      fail: () => ${toast(s, '获取手机号失败')},`,
          `    });`,
          `  },`,
        ],
        markup: [
          `  <button open-type="getAuthorize" scope="phoneNumber" onGetAuthorize="onGetPhoneAuthorize${n}">绑定手机号</button>`,
        ],
      };
    case 'login-then-info':
      return {
        members: [
          `  onTapLogin${n}() {`,
          `    tt.login({`,
          `      success: () => {`,
          `        tt.getUserInfo({`,
          `          withCredentials: true,`,
          ...profileSuccess().map((line) => `    ${line}`),
          `        });`,
          `      },`,
          `      fail: () => ${toast(s, '登录失败')},`,
          `    });`,
          `  },`,
        ],
        markup: button(`onTapLogin${n}`, '抖音登录'),
      };
    case 'info-no-login':
      return {
        members: [
          `  refreshUserInfo${n}() {`,
          `    tt.getUserInfo({`,
          `      success: (res) => this.setData({ userInfo: res.userInfo, hasUserInfo: true }),`,
          `    });`,
          `  },`,
        ],
        markup: [],
      };
  }
}

/** The shared helpers a native page script starts with. */
function nativeHeader(s: Style, entity: Entity, random: Random): string[] {
  const lines = s.ts
    ? [`import { formatDate, formatPrice } from '../../utils/format';`, ``]
    : [`const { formatDate, formatPrice } = require('../../utils/format');`, ``];
  lines.push(
    `const API_BASE = 'https://api.example.com/v${random.int(1, 3)}';`,
    `const PAGE_SIZE = ${random.pick([10, 20, 30])};`,
    ``,
  );
  if (s.ts) {
    lines.push(
      `interface ${cap(entity.en)} {`,
      `  id: string;`,
      `  title: string;`,
      `  price: number;`,
      `  createdAt: number;`,
      ...entity.fields.map((f) => `  ${f}?: string | number;`),
      `  favorite?: boolean;`,
      `}`,
      ``,
    );
  }
  const itemType = s.ts ? `: ${cap(entity.en)}` : '';
  lines.push(
    `function normalize(item${itemType}) {`,
    `  return {`,
    `    ...item,`,
    `    priceText: formatPrice(item.price),`,
    `    dateText: formatDate(item.createdAt),`,
    ...entity.fields.slice(0, random.int(1, entity.fields.length)).map((f) => `    ${f}: item.${f} ?? '',`),
    `  };`,
    `}`,
    ``,
  );
  if (random.chance(0.5)) {
    const params = s.ts ? `fn: (...args: unknown[]) => void, wait: number` : 'fn, wait';
    lines.push(
      `function debounce(${params}) {`,
      `  let timer${s.ts ? ': ReturnType<typeof setTimeout> | undefined' : ''};`,
      `  return (...args${s.ts ? ': unknown[]' : ''}) => {`,
      `    clearTimeout(timer);`,
      `    timer = setTimeout(() => fn(...args), wait);`,
      `  };`,
      `}`,
      ``,
    );
  }
  return lines;
}

/** The data, lifecycle hooks and list loading every native page has. */
function nativeCore(
  s: Style,
  entity: Entity,
  userInfo: boolean,
): { members: string[]; markupTop: string[]; markupItem: string[]; markupBottom: string[] } {
  const { ns, tap, input, directive, dataset } = s.d;
  const path = `${entity.en}s`;
  const members = [
    `  data: {`,
    `    items: []${s.ts ? ` as ${cap(entity.en)}[]` : ''},`,
    `    page: 1,`,
    `    loading: false,`,
    `    finished: false,`,
    `    keyword: '',`,
    `    activeTab: 0,`,
    `    tabs: ['全部', '进行中', '已完成'],`,
    ...(userInfo ? [`    userInfo: null${s.ts ? ' as WechatMiniprogram.UserInfo | null' : ''},`, `    hasUserInfo: false,`] : []),
    `  },`,
    ``,
    `  onLoad(query${s.ts ? ': Record<string, string | undefined>' : ''}) {`,
    `    this.setData({ source: query.from || 'direct' });`,
    `    this.loadItems(true);`,
    `  },`,
    ``,
    `  onShow() {`,
    `    if (this.data.items.length === 0 && !this.data.loading) this.loadItems(true);`,
    `  },`,
    ``,
    `  onPullDownRefresh() {`,
    `    this.loadItems(true).then(() => ${ns}.stopPullDownRefresh());`,
    `  },`,
    ``,
    `  onReachBottom() {`,
    `    if (!this.data.finished) this.loadItems(false);`,
    `  },`,
    ``,
    `  loadItems(reset${s.ts ? ': boolean' : ''}) {`,
    `    if (this.data.loading) return Promise.resolve();`,
    `    const page = reset ? 1 : this.data.page + 1;`,
    `    this.setData({ loading: true });`,
    `    return new Promise((resolve) => {`,
    `      ${ns}.request({`,
    `        url: \`\${API_BASE}/${path}\`,`,
    `        data: { page, size: PAGE_SIZE, keyword: this.data.keyword, tab: this.data.activeTab },`,
    `        success: (res) => {`,
    `          const list = ((res.data && res.data.list) || []).map(normalize);`,
    `          this.allItems = reset ? list : (this.allItems || []).concat(list);`,
    `          this.setData({`,
    `            items: reset ? list : this.data.items.concat(list),`,
    `            page,`,
    `            finished: list.length < PAGE_SIZE,`,
    `          });`,
    `        },`,
    `        fail: () => ${toast(s, '加载失败，请下拉重试')},`,
    `        complete: () => {`,
    `          this.setData({ loading: false });`,
    `          resolve(undefined);`,
    `        },`,
    `      });`,
    `    });`,
    `  },`,
    ``,
    `  onInputKeyword(${eventParam(s)}) {`,
    `    this.setData({ keyword: e.detail.value });`,
    `  },`,
    ``,
    `  onTapSearch() {`,
    `    this.loadItems(true);`,
    `  },`,
    ``,
    `  onTapItem(${eventParam(s)}) {`,
    `    const { id } = e.${dataset}.dataset;`,
    `    ${ns}.navigateTo({ url: \`/pages/${entity.en}-detail/${entity.en}-detail?id=\${id}\` });`,
    `  },`,
  ];
  if (userInfo) {
    members.push(
      ``,
      `  ensureSession() {`,
      `    return new Promise((resolve, reject) => {`,
      `      ${ns}.checkSession({ success: resolve, fail: () => ${ns}.login({ success: resolve, fail: reject }) });`,
      `    });`,
      `  },`,
      ``,
      `  saveProfile(userInfo${s.ts ? ': WechatMiniprogram.UserInfo' : ''}) {`,
      `    ${ns}.request({`,
      `      url: \`\${API_BASE}/member/profile\`,`,
      `      method: 'POST',`,
      `      data: { nickName: userInfo.nickName, avatarUrl: userInfo.avatarUrl },`,
      `    });`,
      `  },`,
    );
  }
  return {
    members,
    markupTop: [
      `<view class="page">`,
      `  <view class="search">`,
      `    <input class="keyword" placeholder="搜索${entity.zh}" value="{{keyword}}" ${input}="onInputKeyword" />`,
      `    <button size="mini" ${tap}="onTapSearch">搜索</button>`,
      `  </view>`,
    ],
    markupItem: [
      `  <scroll-view scroll-y class="list" ${s.d.scrollToLower}="onReachBottom">`,
      `  <view ${directive}for="{{items}}" ${directive}key="id" class="item" data-id="{{item.id}}" ${tap}="onTapItem">`,
      `    <text class="title">{{item.title}}</text>`,
      `    <text class="price">¥{{item.priceText}}</text>`,
      `    <text class="date">{{item.dateText}}</text>`,
    ],
    markupBottom: [
      `  </view>`,
      `  </scroll-view>`,
      `  <view ${directive}if="{{loading}}" class="loading">加载中…</view>`,
      `  <view ${directive}elif="{{finished && items.length === 0}}" class="empty">暂无${entity.zh}</view>`,
      `</view>`,
    ],
  };
}

/** A native page: its script and markup. */
export interface GeneratedPage {
  script: string;
  markup: string;
}

/** Options of a native page. */
export interface NativePageOptions {
  dialect: Dialect;
  ts: boolean;
  identity: PageIdentity;
  /** True when the page calls user-info APIs. */
  userInfo: boolean;
}

/** Splits the extra blocks into those drawn inside a list item and those on the page. */
const itemLevel = new Set<ExtraId>(['delete', 'favorite', 'copy', 'preview', 'summary']);

/** A native page (WeChat JS/TS, Alipay, Douyin) with its markup. */
export function nativePage(random: Random, options: NativePageOptions): GeneratedPage {
  const s: Style = { ts: options.ts, d: options.dialect, n: '', random };
  const { entity } = options.identity;
  const extras = random.sample(extraIds, random.int(2, 7));
  const cases: NativeCase[] = [];
  if (options.userInfo) {
    const table = nativeCases[options.dialect.platform] as Record<NativeCase, number>;
    cases.push(random.weighted(table));
    if (random.chance(0.3)) {
      const second = random.weighted(table);
      if (!cases.includes(second)) cases.push(second);
    }
  }
  const core = nativeCore(s, entity, options.userInfo);
  const blocks = [
    ...extras.map((id) => ({ id, block: extraBlock(id, s, entity) })),
    ...cases.map((id) => ({ id, block: userInfoBlock(id, s) })),
  ];
  const members = [...core.members];
  for (const { block } of blocks) members.push(``, ...block.members);
  const script = [...nativeHeader(s, entity, random), `Page({`, ...members, `});`, ``].join('\n');
  const inItem = blocks.filter(({ id }) => itemLevel.has(id as ExtraId)).flatMap(({ block }) => block.markup);
  const onPage = blocks.filter(({ id }) => !itemLevel.has(id as ExtraId)).flatMap(({ block }) => block.markup);
  const markup = [...core.markupTop, ...onPage, ...core.markupItem, ...inItem, ...core.markupBottom, ``].join('\n');
  return { script, markup };
}

/** The Taro user-info cases; `effect`, `after-await` and `missing-desc` are mistakes. */
const taroCases = { click: 6, 'named-import': 3, effect: 1, 'after-await': 1, 'missing-desc': 1 } as const;
type TaroCase = keyof typeof taroCases;

/** A Taro page: one React function component in TSX. */
export function taroPage(random: Random, identity: PageIdentity, userInfo: boolean): string {
  const { entity } = identity;
  const type = cap(entity.en);
  const component = identity.stem.split('-').map(cap).join('').replace(/\d+/g, '') + 'Page';
  const userCase: TaroCase | undefined = userInfo ? random.weighted(taroCases) : undefined;
  const desc = `'${random.pick(goodDescs)}'`;
  const taroImports = ['useDidShow', 'usePullDownRefresh', 'useReachBottom'];
  if (userCase === 'named-import') taroImports.push('getUserProfile');
  const withSelection = random.chance(0.5);
  const withShare = random.chance(0.4);
  const lines = [
    `import { useCallback, useEffect, useMemo, useState } from 'react';`,
    `import Taro, { ${taroImports.join(', ')} } from '@tarojs/taro';`,
    `import { Button, Image, Input, ScrollView, Text, View } from '@tarojs/components';`,
    `import { formatDate, formatPrice } from '../../utils/format';`,
    `import './index.scss';`,
    ``,
    `interface ${type} {`,
    `  id: string;`,
    `  title: string;`,
    `  price: number;`,
    `  createdAt: number;`,
    ...entity.fields.map((f) => `  ${f}?: string | number;`),
    `  selected?: boolean;`,
    `}`,
    ``,
    `interface ListResponse {`,
    `  list: ${type}[];`,
    `  total: number;`,
    `}`,
    ``,
    `const API_BASE = 'https://api.example.com/v${random.int(1, 3)}';`,
    `const PAGE_SIZE = ${random.pick([10, 20, 30])};`,
    ``,
    `export default function ${component}() {`,
    `  const [items, setItems] = useState<${type}[]>([]);`,
    `  const [page, setPage] = useState(1);`,
    `  const [keyword, setKeyword] = useState('');`,
    `  const [loading, setLoading] = useState(false);`,
    `  const [finished, setFinished] = useState(false);`,
    ...(userInfo ? [`  const [userInfo, setUserInfo] = useState<Taro.UserInfo | null>(null);`] : []),
    ``,
    `  const loadItems = useCallback(`,
    `    async (reset: boolean) => {`,
    `      if (loading) return;`,
    `      const next = reset ? 1 : page + 1;`,
    `      setLoading(true);`,
    `      try {`,
    `        const res = await Taro.request<ListResponse>({`,
    `          url: \`\${API_BASE}/${entity.en}s\`,`,
    `          data: { page: next, size: PAGE_SIZE, keyword },`,
    `        });`,
    `        const list = res.data.list ?? [];`,
    `        setItems((current) => (reset ? list : [...current, ...list]));`,
    `        setPage(next);`,
    `        setFinished(list.length < PAGE_SIZE);`,
    `      } catch (error) {`,
    `        console.error('load ${entity.en}s failed', error);`,
    `        Taro.showToast({ title: '加载失败', icon: 'none' });`,
    `      } finally {`,
    `        setLoading(false);`,
    `      }`,
    `    },`,
    `    [keyword, loading, page],`,
    `  );`,
    ``,
    `  useEffect(() => {`,
    `    void loadItems(true);`,
    ...(userCase === 'effect'
      ? [`    Taro.getUserProfile({ desc: ${desc}, success: (res) => setUserInfo(res.userInfo) });`]
      : []),
    `  }, []);`,
    ``,
    `  useDidShow(() => {`,
    `    if (items.length === 0) void loadItems(true);`,
    `  });`,
    ``,
    `  usePullDownRefresh(() => {`,
    `    loadItems(true).then(() => Taro.stopPullDownRefresh());`,
    `  });`,
    ``,
    `  useReachBottom(() => {`,
    `    if (!finished) void loadItems(false);`,
    `  });`,
    ``,
    `  const total = useMemo(() => items.reduce((sum, item) => sum + (item.selected ? item.price : 0), 0), [items]);`,
    ``,
    `  const onTapItem = (id: string) => {`,
    `    Taro.navigateTo({ url: \`/pages/${entity.en}-detail/index?id=\${id}\` });`,
    `  };`,
  ];
  if (withSelection) {
    lines.push(
      ``,
      `  const onToggle = (id: string) => {`,
      `    setItems((current) => current.map((item) => (item.id === id ? { ...item, selected: !item.selected } : item)));`,
      `  };`,
    );
  }
  if (withShare) {
    lines.push(``, `  Taro.useShareAppMessage(() => ({ title: '${entity.zh}推荐', path: '/pages/${identity.stem}/index' }));`);
  }
  let loginButton = '';
  switch (userCase) {
    case 'click':
      lines.push(
        ``,
        `  const onLogin = () => {`,
        `    Taro.getUserProfile({`,
        `      desc: ${desc},`,
        `      success: (res) => setUserInfo(res.userInfo),`,
        `      fail: () => Taro.showToast({ title: '已取消', icon: 'none' }),`,
        `    });`,
        `  };`,
      );
      loginButton = `<Button className='login' onClick={onLogin}>登录</Button>`;
      break;
    case 'named-import':
      loginButton = `<Button className='login' onClick={() => getUserProfile({ desc: ${desc}, success: (res) => setUserInfo(res.userInfo) })}>登录</Button>`;
      break;
    case 'after-await':
      lines.push(
        ``,
        `  async function onSync() {`,
        `    await Taro.login();`,
        `    const res = await Taro.getUserProfile({ desc: ${desc} });`,
        `    setUserInfo(res.userInfo);`,
        `  }`,
      );
      loginButton = `<Button className='login' onClick={onSync}>同步资料</Button>`;
      break;
    case 'missing-desc':
      lines.push(
        ``,
        `  const onAvatar = () => {`,
        `    Taro.getUserProfile({ success: (res) => setUserInfo(res.userInfo) });`,
        `  };`,
      );
      loginButton = `<Button className='login' onClick={onAvatar}>设置头像</Button>`;
      break;
    case 'effect':
    case undefined:
      break;
  }
  lines.push(
    ``,
    `  return (`,
    `    <View className='page'>`,
    `      <View className='search'>`,
    `        <Input value={keyword} placeholder='搜索${entity.zh}' onInput={(e) => setKeyword(e.detail.value)} />`,
    `        <Button size='mini' onClick={() => loadItems(true)}>搜索</Button>`,
    `      </View>`,
  );
  if (userInfo) {
    lines.push(
      `      {userInfo ? (`,
      `        <View className='user'>`,
      `          <Image className='avatar' src={userInfo.avatarUrl} />`,
      `          <Text>{userInfo.nickName}</Text>`,
      `        </View>`,
      `      ) : (`,
      `        ${loginButton || `<Text>欢迎</Text>`}`,
      `      )}`,
    );
  }
  lines.push(
    `      <ScrollView scrollY className='list'>`,
    `        {items.map((item) => (`,
    `          <View key={item.id} className='item' onClick={() => onTapItem(item.id)}>`,
    `            <Text className='title'>{item.title}</Text>`,
    `            <Text className='price'>¥{formatPrice(item.price)}</Text>`,
    `            <Text className='date'>{formatDate(item.createdAt)}</Text>`,
    ...(withSelection
      ? [`            <Button size='mini' onClick={() => onToggle(item.id)}>{item.selected ? '取消' : '选择'}</Button>`]
      : []),
    `          </View>`,
    `        ))}`,
    `      </ScrollView>`,
    `      {loading && <View className='loading'>加载中…</View>}`,
    `      {finished && items.length === 0 && <View className='empty'>暂无${entity.zh}</View>}`,
    ...(withSelection ? [`      <View className='total'>合计 ¥{formatPrice(total)}</View>`] : []),
    `    </View>`,
    `  );`,
    `}`,
    ``,
  );
  return lines.join('\n');
}

/** A utility module (formatting or a request wrapper); it calls no user-info API. */
export function utilityModule(random: Random, ts: boolean, ns: string, variant: number): string {
  const t = (annotation: string) => (ts ? annotation : '');
  const exportFn = (name: string, tsParams: string, jsParams: string, body: string[]) =>
    ts ? [`export function ${name}(${tsParams}) {`, ...body, `}`] : [`function ${name}(${jsParams}) {`, ...body, `}`];
  const lines: string[] = [];
  if (variant % 2 === 0) {
    lines.push(
      ...exportFn('formatPrice', 'cents: number', 'cents', [`  return (cents / 100).toFixed(2);`]),
      ``,
      ...exportFn('formatDate', 'timestamp: number', 'timestamp', [
        `  const d = new Date(timestamp);`,
        `  const pad = (n${t(': number')}) => String(n).padStart(2, '0');`,
        `  return \`\${d.getFullYear()}-\${pad(d.getMonth() + 1)}-\${pad(d.getDate())}\`;`,
      ]),
      ``,
      ...exportFn('formatDistance', 'meters: number', 'meters', [
        `  if (meters < 1000) return \`\${Math.round(meters)}m\`;`,
        `  return \`\${(meters / 1000).toFixed(${random.int(1, 2)})}km\`;`,
      ]),
      ``,
    );
    if (!ts) lines.push(`module.exports = { formatPrice, formatDate, formatDistance };`, ``);
  } else {
    lines.push(
      `const BASE = 'https://api.example.com/v${random.int(1, 3)}';`,
      `const TIMEOUT = ${random.pick([5000, 8000, 10000])};`,
      ``,
      ...exportFn(
        'request',
        "path: string, data: Record<string, unknown> = {}, method = 'GET'",
        "path, data = {}, method = 'GET'",
        [
          `  return new Promise((resolve, reject) => {`,
          `    ${ns}.request({`,
          `      url: BASE + path,`,
          `      data,`,
          `      method,`,
          `      timeout: TIMEOUT,`,
          `      success: (res${t(': any')}) => (res.statusCode === 200 ? resolve(res.data) : reject(new Error(String(res.statusCode)))),`,
          `      fail: reject,`,
          `    });`,
          `  });`,
        ],
      ),
      ``,
    );
    if (!ts) lines.push(`module.exports = { request };`, ``);
  }
  return lines.join('\n');
}

/** The app file of a native project; WeChat and Douyin apps log in while launching. */
export function appScript(dialect: Dialect, ts: boolean): string {
  const login =
    dialect.platform === 'alipay'
      ? [`    my.getAuthCode({ scopes: 'auth_base', success: (res) => { this.globalData.authCode = res.authCode; } });`]
      : [
          `    ${dialect.ns}.login({`,
          `      success: (res) => {`,
          `        this.globalData.code = res.code;`,
          `      },`,
          `    });`,
        ];
  return [
    `App({`,
    `  globalData: { code: '', authCode: '' }${ts ? ' as Record<string, string>' : ''},`,
    ``,
    `  onLaunch() {`,
    ...login,
    `  },`,
    `});`,
    ``,
  ].join('\n');
}

/** The app file of a Taro project. */
export function taroApp(): string {
  return [
    `import { PropsWithChildren } from 'react';`,
    `import Taro, { useLaunch } from '@tarojs/taro';`,
    `import './app.scss';`,
    ``,
    `function App({ children }: PropsWithChildren) {`,
    `  useLaunch(() => {`,
    `    Taro.login({ success: (res) => Taro.setStorageSync('loginCode', res.code) });`,
    `  });`,
    `  return children;`,
    `}`,
    ``,
    `export default App;`,
    ``,
  ].join('\n');
}

/**
 * One WeChat page of about `lines` lines: the core page plus as many numbered handler blocks as fit,
 * every fourth a user-info case, padded with constants to the exact line count. Its markup binds every
 * handler.
 */
export function largePage(random: Random, lines: number): GeneratedPage {
  const d = dialects.wechat;
  const entity = entities[0]!;
  const s0: Style = { ts: false, d, n: '', random };
  const header = nativeHeader(s0, entity, random);
  const core = nativeCore(s0, entity, true);
  const members = [...core.members];
  const markupBlocks: string[] = [];
  const tail = [`});`, ``];
  const fixed = () => header.length + 1 + members.length + tail.length - 1;
  const cases: NativeCase[] = ['profile-tap', 'profile-helper', 'missing-desc', 'long-desc', 'in-login-callback', 'after-await'];
  for (let i = 1; ; i++) {
    const s: Style = { ...s0, n: String(i) };
    const block =
      i % 4 === 0 ? userInfoBlock(cases[(i / 4) % cases.length]!, s) : extraBlock(extraIds[i % extraIds.length]!, s, entity);
    // `share` defines onShareAppMessage, which may appear once only.
    if (block.members[0]?.includes('onShareAppMessage') && i > extraIds.length) continue;
    if (fixed() + block.members.length + 1 > lines) break;
    members.push(``, ...block.members);
    markupBlocks.push(...block.markup);
  }
  const padding: string[] = [];
  for (let i = 0; fixed() + padding.length < lines; i++) padding.push(`const LIMIT_${i} = ${random.int(1, 999)};`);
  const script = [...header, ...padding, `Page({`, ...members, ...tail].join('\n');
  const markup = [...core.markupTop, ...markupBlocks, ...core.markupItem, ...core.markupBottom, ``].join('\n');
  return { script, markup };
}
