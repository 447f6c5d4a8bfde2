/**
 * The `.vue` pages of the corpus: uni-app pages as people write them, in the two styles uni-app projects use.
 * A Vue 2 page is JavaScript with the Options API (`data()`, the page hooks `onLoad`/`onShow`/…, `methods`); a
 * Vue 3 page is `<script setup lang="ts">` with refs and the hooks imported from `@dcloudio/uni-app`. Both have a
 * template with `@tap`/`@click` (with modifiers and call expressions), `:open-type`, `v-for`/`v-if`, `<!-- #ifdef -->`
 * regions, and a scoped style. Every block below is written once, in the Options style (`this.items`); a setup page
 * reads the same lines with `this.items` as `items.value` and `this.loadItems()` as `loadItems()`.
 *
 * As in templates.ts, each page draws its entity, extra handlers and (on user-info pages) its user-info cases from
 * the seeded random source, and some cases are mistakes the rules report, in roughly the proportions of real code.
 */
import type { Random } from './random';
import { cap, entities, goodDescs, longDesc, type Entity, type PageIdentity } from './templates';

/** Vue 2 Options API in JavaScript, or Vue 3 `<script setup lang="ts">`. */
export type VueStyle = 'options' | 'setup';

/** A piece of page state: a `data()` field of an Options page, a `ref` of a setup page. */
interface StateField {
  name: string;
  init: string;
  /** The ref's type argument in a setup page, when the initial value does not say it. */
  type?: string;
}

/** A method of an Options page, a function of a setup page. Its body is written in the Options style. */
interface Method {
  name: string;
  params?: string;
  /** The parameters with TypeScript types, for setup pages. */
  tsParams?: string;
  async?: boolean;
  body: string[];
}

/** Code added to a page hook (`onLoad`, `onShareAppMessage`, …). */
interface Hook {
  name: string;
  params?: string;
  body: string[];
}

/** A feature of a page: its state, methods, hook code and template lines (on the page or inside a list item). */
interface VueBlock {
  state?: StateField[];
  methods?: Method[];
  hooks?: Hook[];
  markup: string[];
  level: 'page' | 'item';
}

type VueExtraId = 'delete' | 'favorite' | 'tab' | 'share' | 'copy' | 'preview' | 'location' | 'submit' | 'call' | 'filter';
const vueExtraIds: readonly VueExtraId[] = [
  'delete',
  'favorite',
  'tab',
  'share',
  'copy',
  'preview',
  'location',
  'submit',
  'call',
  'filter',
];

/**
 * The user-info cases of each style and their weights. Mistakes the rules report: `missing-desc`, `long-desc`,
 * `in-login-callback` and `after-await` (the gesture is lost), `on-load` (no tap at all), `legacy-open-type`
 * (`open-type="getUserInfo"` returns anonymous data), `missing-eventsync` (Vue 3 tap without
 * `data-eventsync="true"`). `choose-avatar` mentions no API in its script and is only ever a page's second case.
 */
export const vueCases = {
  options: {
    'profile-tap': 6,
    'profile-helper': 3,
    'wx-ifdef': 2,
    'missing-desc': 1,
    'long-desc': 1,
    'in-login-callback': 1,
    'after-await': 1,
    'legacy-open-type': 1,
    'on-load': 1,
  },
  setup: {
    'profile-tap': 5,
    'profile-promise': 3,
    'wx-ifdef': 2,
    'missing-eventsync': 2,
    'missing-desc': 1,
    'in-login-callback': 1,
    'after-await': 1,
    'on-load': 1,
  },
} as const;

export type VueCase = keyof (typeof vueCases)['options'] | keyof (typeof vueCases)['setup'] | 'choose-avatar';

const toast = (text: string, icon = true) => `uni.showToast({ title: '${text}'${icon ? ", icon: 'none'" : ''} })`;

function extraBlock(id: VueExtraId, entity: Entity, n: string): VueBlock {
  const path = `${entity.en}s`;
  switch (id) {
    case 'delete':
      return {
        level: 'item',
        methods: [
          {
            name: `onTapDelete${n}`,
            params: 'id',
            tsParams: 'id: string',
            body: [
              `uni.showModal({`,
              `  title: '删除${entity.zh}',`,
              `  content: '删除后无法恢复，确定删除吗？',`,
              `  success: (res) => {`,
              `    if (!res.confirm) return`,
              `    uni.request({`,
              `      url: \`\${API_BASE}/${path}/\${id}\`,`,
              `      method: 'DELETE',`,
              `      success: () => {`,
              `        this.items = this.items.filter((item) => item.id !== id)`,
              `        ${toast('已删除', false)}`,
              `      },`,
              `    })`,
              `  },`,
              `})`,
            ],
          },
        ],
        markup: [`<button class="danger" size="mini" @tap.stop="onTapDelete${n}(item.id)">删除</button>`],
      };
    case 'favorite':
      return {
        level: 'item',
        methods: [
          {
            name: `onTapFavorite${n}`,
            params: 'index',
            tsParams: 'index: number',
            body: [
              `const item = this.items[index]`,
              `const favorite = !item.favorite`,
              `item.favorite = favorite`,
              `uni.request({`,
              `  url: \`\${API_BASE}/${path}/\${item.id}/favorite\`,`,
              `  method: favorite ? 'POST' : 'DELETE',`,
              `  fail: () => {`,
              `    item.favorite = !favorite`,
              `    ${toast('网络异常，请稍后再试')}`,
              `  },`,
              `})`,
            ],
          },
        ],
        markup: [`<view class="fav" :class="{ on: item.favorite }" @tap.stop="onTapFavorite${n}(index)">收藏</view>`],
      };
    case 'tab':
      return {
        level: 'page',
        methods: [
          {
            name: `onChangeTab${n}`,
            params: 'tab',
            tsParams: 'tab: number',
            body: [
              `if (tab === this.activeTab) return`,
              `this.activeTab = tab`,
              `this.items = []`,
              `this.finished = false`,
              `this.loadItems(true)`,
            ],
          },
        ],
        markup: [
          `<view class="tabs">`,
          `  <view v-for="(tab, i) in tabs" :key="tab" class="tab" :class="{ active: activeTab === i }" @click="onChangeTab${n}(i)">`,
          `    {{ tab }}`,
          `  </view>`,
          `</view>`,
        ],
      };
    case 'share':
      return {
        level: 'page',
        hooks: [
          {
            name: 'onShareAppMessage',
            body: [
              `const first = this.items[0]`,
              `return {`,
              `  title: first ? first.title : '${entity.zh}推荐',`,
              `  path: \`/pages/${entity.en}-detail/${entity.en}-detail?id=\${first ? first.id : ''}\`,`,
              `}`,
            ],
          },
        ],
        markup: [`<button open-type="share" class="share">分享给好友</button>`],
      };
    case 'copy':
      return {
        level: 'item',
        methods: [
          {
            name: `onTapCopy${n}`,
            params: 'text',
            tsParams: 'text: string',
            body: [`uni.setClipboardData({`, `  data: String(text),`, `  success: () => ${toast('已复制', false)},`, `})`],
          },
        ],
        markup: [`<text class="copy" @tap.stop="onTapCopy${n}(item.id)">复制编号</text>`],
      };
    case 'preview':
      return {
        level: 'item',
        methods: [
          {
            name: `onTapPreview${n}`,
            params: 'url',
            tsParams: 'url: string',
            body: [
              `const urls = this.items.map((item) => item.cover).filter(Boolean)`,
              `uni.previewImage({ current: url, urls })`,
            ],
          },
        ],
        markup: [`<image class="cover" mode="aspectFill" :src="item.cover" @tap.stop="onTapPreview${n}(item.cover)" />`],
      };
    case 'location':
      return {
        level: 'page',
        state: [{ name: 'location', init: 'null', type: '{ latitude: number; longitude: number } | null' }],
        methods: [
          {
            name: `onTapNearby${n}`,
            body: [
              `uni.getLocation({`,
              `  type: 'gcj02',`,
              `  success: ({ latitude, longitude }) => {`,
              `    this.location = { latitude, longitude }`,
              `    this.loadItems(true)`,
              `  },`,
              `  fail: () => ${toast(`需要位置权限才能查看附近的${entity.zh}`)},`,
              `})`,
            ],
          },
        ],
        markup: [`<view class="nearby" @tap="onTapNearby${n}">附近的${entity.zh}</view>`],
      };
    case 'submit':
      return {
        level: 'page',
        state: [{ name: 'submitting', init: 'false' }],
        methods: [
          {
            name: `onSubmit${n}`,
            params: 'e',
            tsParams: 'e: { detail: { value: Record<string, string> } }',
            body: [
              `const form = e.detail.value`,
              `const missing = ['title', 'remark'].filter((key) => !String(form[key] || '').trim())`,
              `if (missing.length) {`,
              `  ${toast('请填写完整信息')}`,
              `  return`,
              `}`,
              `this.submitting = true`,
              `uni.request({`,
              `  url: \`\${API_BASE}/${path}\`,`,
              `  method: 'POST',`,
              `  data: { ...form, source: 'miniprogram' },`,
              `  success: () => {`,
              `    ${toast('提交成功', false)}`,
              `    setTimeout(() => uni.navigateBack(), 800)`,
              `  },`,
              `  complete: () => {`,
              `    this.submitting = false`,
              `  },`,
              `})`,
            ],
          },
        ],
        markup: [
          `<form @submit="onSubmit${n}">`,
          `  <input name="title" placeholder="标题" />`,
          `  <textarea name="remark" placeholder="备注" />`,
          `  <button form-type="submit" :loading="submitting">提交</button>`,
          `</form>`,
        ],
      };
    case 'call':
      return {
        level: 'page',
        methods: [{ name: `onTapCall${n}`, body: [`uni.makePhoneCall({ phoneNumber: SERVICE_PHONE })`] }],
        markup: [`<view class="service" @tap="onTapCall${n}">联系客服</view>`],
      };
    case 'filter':
      return {
        level: 'page',
        methods: [
          {
            name: `onTapFilter${n}`,
            params: 'value',
            tsParams: 'value: string',
            body: [`this.status = value`, `this.loadItems(true)`],
          },
        ],
        markup: [
          `<view class="filters">`,
          `  <text :class="{ on: status === 'all' }" @tap="onTapFilter${n}('all')">全部</text>`,
          `  <text :class="{ on: status === 'done' }" @tap="onTapFilter${n}('done')">已完成</text>`,
          `</view>`,
        ],
      };
  }
}

/** How a page's user-info buttons are written. */
interface ButtonStyle {
  /** `tap` or `click` (uni-app compiles `@click` on built-in tags to the tap). */
  event: 'tap' | 'click';
  /** Vue 3 pages mark tap handlers of tap-only APIs with `data-eventsync="true"`. */
  eventSync: boolean;
}

function loginButton(b: ButtonStyle, handler: string, label: string, eventSync = b.eventSync): string[] {
  return [
    `<button v-if="!hasUserInfo" class="login"${eventSync ? ' data-eventsync="true"' : ''} @${b.event}="${handler}">${label}</button>`,
    `<view v-else class="user">`,
    `  <image class="avatar" :src="userInfo.avatarUrl" />`,
    `  <text>{{ userInfo.nickName }}</text>`,
    `</view>`,
  ];
}

function userInfoBlock(kind: VueCase, b: ButtonStyle, random: Random, n: string): VueBlock {
  const desc = `'${random.pick(goodDescs)}'`;
  const profile = (options: string[], success = `(res) => this.saveProfile(res.userInfo)`) => [
    `uni.getUserProfile({`,
    ...options.map((o) => `  ${o}`),
    `  success: ${success},`,
    `  fail: () => ${toast('已取消授权')},`,
    `})`,
  ];
  switch (kind) {
    case 'profile-tap':
    case 'missing-eventsync': {
      const name = kind === 'profile-tap' ? `onTapProfile${n}` : `onTapEdit${n}`;
      return {
        level: 'page',
        methods: [{ name, body: profile([`desc: ${desc},`]) }],
        markup: loginButton(b, name, kind === 'profile-tap' ? '完善资料' : '编辑资料', kind === 'profile-tap' && b.eventSync),
      };
    }
    case 'profile-promise':
      return {
        level: 'page',
        methods: [
          {
            name: `onTapQuickProfile${n}`,
            async: true,
            body: [
              `try {`,
              `  const res = await uni.getUserProfile({ desc: ${desc} })`,
              `  this.saveProfile(res.userInfo)`,
              `} catch (err) {`,
              `  ${toast('已取消授权')}`,
              `}`,
            ],
          },
        ],
        markup: loginButton(b, `onTapQuickProfile${n}`, '一键完善'),
      };
    case 'profile-helper':
      return {
        level: 'page',
        methods: [
          { name: `onTapLogin${n}`, body: [`if (this.hasUserInfo) return`, `this.askProfile${n}()`] },
          { name: `askProfile${n}`, body: profile([`desc: ${desc},`]) },
        ],
        markup: loginButton(b, `onTapLogin${n}`, '登录'),
      };
    case 'missing-desc':
      return {
        level: 'page',
        methods: [{ name: `onTapAvatar${n}`, body: profile([]) }],
        markup: loginButton(b, `onTapAvatar${n}`, '设置头像'),
      };
    case 'long-desc':
      return {
        level: 'page',
        methods: [{ name: `onTapMember${n}`, body: profile([`desc: '${longDesc}',`]) }],
        markup: loginButton(b, `onTapMember${n}`, '成为会员'),
      };
    case 'in-login-callback':
      return {
        level: 'page',
        methods: [
          {
            name: `onTapSignIn${n}`,
            body: [
              `uni.login({`,
              `  provider: 'weixin',`,
              `  success: ({ code }) => {`,
              `    uni.setStorageSync('loginCode', code)`,
              ...profile([`desc: ${desc},`]).map((line) => `    ${line}`),
              `  },`,
              `})`,
            ],
          },
        ],
        markup: loginButton(b, `onTapSignIn${n}`, '一键登录'),
      };
    case 'after-await':
      return {
        level: 'page',
        methods: [
          {
            name: `onTapSync${n}`,
            async: true,
            body: [`await this.ensureSession()`, ...profile([`desc: ${desc},`])],
          },
        ],
        markup: loginButton(b, `onTapSync${n}`, '同步资料'),
      };
    case 'legacy-open-type':
      return {
        level: 'page',
        methods: [
          {
            name: `onGetUserInfo${n}`,
            params: 'e',
            body: [
              `if (!e.detail.userInfo) {`,
              `  ${toast('已拒绝授权')}`,
              `  return`,
              `}`,
              `this.saveProfile(e.detail.userInfo)`,
            ],
          },
        ],
        markup: [
          `<button v-if="!hasUserInfo" class="login" :open-type="'getUserInfo'" @getuserinfo="onGetUserInfo${n}">授权登录</button>`,
        ],
      };
    case 'on-load':
      return {
        level: 'page',
        hooks: [
          {
            name: 'onLoad',
            body: [
              `// #ifdef MP-WEIXIN`,
              `wx.getUserProfile({ desc: ${desc}, success: (res) => this.saveProfile(res.userInfo), fail: () => {} })`,
              `// #endif`,
            ],
          },
        ],
        markup: [],
      };
    case 'wx-ifdef':
      return {
        level: 'page',
        methods: [
          {
            name: `onTapWechatLogin${n}`,
            body: [
              `// #ifdef MP-WEIXIN`,
              `wx.getUserProfile({`,
              `  desc: ${desc},`,
              `  success: (res) => this.saveProfile(res.userInfo),`,
              `  fail: () => ${toast('已取消授权')},`,
              `})`,
              `// #endif`,
            ],
          },
          {
            name: `onAlipayAuthorize${n}`,
            body: [
              `// #ifdef MP-ALIPAY`,
              `my.getOpenUserInfo({`,
              `  success: (res) => {`,
              `    const info = JSON.parse(res.response).response`,
              `    if (info.code === '10000') this.saveProfile({ nickName: info.nickName, avatarUrl: info.avatar })`,
              `  },`,
              `  fail: () => ${toast('获取会员信息失败')},`,
              `})`,
              `// #endif`,
            ],
          },
        ],
        markup: [
          `<!-- #ifdef MP-WEIXIN -->`,
          ...loginButton(b, `onTapWechatLogin${n}`, '微信登录'),
          `<!-- #endif -->`,
          `<!-- #ifdef MP-ALIPAY -->`,
          `<button v-if="!hasUserInfo" open-type="getAuthorize" scope="userInfo" @getauthorize="onAlipayAuthorize${n}">支付宝登录</button>`,
          `<!-- #endif -->`,
        ],
      };
    case 'choose-avatar':
      return {
        level: 'page',
        state: [
          { name: 'avatarUrl', init: `''` },
          { name: 'nickname', init: `''` },
        ],
        methods: [
          { name: `onChooseAvatar${n}`, params: 'e', body: [`this.avatarUrl = e.detail.avatarUrl`] },
          { name: `onNicknameBlur${n}`, params: 'e', body: [`this.nickname = e.detail.value`] },
        ],
        markup: [
          `<button class="avatar-picker" open-type="chooseAvatar" @chooseavatar="onChooseAvatar${n}">`,
          `  <image class="avatar" :src="avatarUrl" />`,
          `</button>`,
          `<input type="nickname" class="nickname" placeholder="请输入昵称" @blur="onNicknameBlur${n}" />`,
        ],
      };
  }
}

/** The state, methods and hooks every page has, and its template frame. */
function coreBlock(entity: Entity, userInfo: boolean): VueBlock & { methods: Method[]; hooks: Hook[] } {
  const path = `${entity.en}s`;
  const state: StateField[] = [
    { name: 'items', init: '[]', type: `${cap(entity.en)}[]` },
    { name: 'page', init: '1' },
    { name: 'loading', init: 'false' },
    { name: 'finished', init: 'false' },
    { name: 'keyword', init: `''` },
    { name: 'activeTab', init: '0' },
    { name: 'tabs', init: `['全部', '进行中', '已完成']` },
    { name: 'status', init: `'all'` },
    { name: 'source', init: `'direct'` },
  ];
  const methods: Method[] = [
    {
      name: 'loadItems',
      params: 'reset',
      tsParams: 'reset: boolean',
      body: [
        `if (this.loading) return Promise.resolve()`,
        `const next = reset ? 1 : this.page + 1`,
        `this.loading = true`,
        `return new Promise((resolve) => {`,
        `  uni.request({`,
        `    url: \`\${API_BASE}/${path}\`,`,
        `    data: { page: next, size: PAGE_SIZE, keyword: this.keyword, tab: this.activeTab, status: this.status },`,
        `    success: (res) => {`,
        `      const list = ((res.data && res.data.list) || []).map(normalize)`,
        `      this.items = reset ? list : this.items.concat(list)`,
        `      this.page = next`,
        `      this.finished = list.length < PAGE_SIZE`,
        `    },`,
        `    fail: () => ${toast('加载失败，请下拉重试')},`,
        `    complete: () => {`,
        `      this.loading = false`,
        `      resolve(undefined)`,
        `    },`,
        `  })`,
        `})`,
      ],
    },
    { name: 'loadMore', body: [`if (!this.finished) this.loadItems(false)`] },
    { name: 'onSearch', body: [`this.keyword = this.keyword.trim()`, `this.loadItems(true)`] },
    {
      name: 'openItem',
      params: 'id',
      tsParams: 'id: string',
      body: [`uni.navigateTo({ url: \`/pages/${entity.en}-detail/${entity.en}-detail?id=\${id}\` })`],
    },
  ];
  if (userInfo) {
    state.push({ name: 'userInfo', init: 'null', type: 'UniApp.UserInfo | null' }, { name: 'hasUserInfo', init: 'false' });
    methods.push(
      {
        name: 'ensureSession',
        body: [
          `return new Promise((resolve, reject) => {`,
          `  uni.checkSession({ success: resolve, fail: () => uni.login({ provider: 'weixin', success: resolve, fail: reject }) })`,
          `})`,
        ],
      },
      {
        name: 'saveProfile',
        params: 'profile',
        tsParams: 'profile: UniApp.UserInfo',
        body: [
          `this.userInfo = profile`,
          `this.hasUserInfo = true`,
          `uni.request({`,
          `  url: \`\${API_BASE}/member/profile\`,`,
          `  method: 'POST',`,
          `  data: { nickName: profile.nickName, avatarUrl: profile.avatarUrl },`,
          `})`,
        ],
      },
    );
  }
  const hooks: Hook[] = [
    { name: 'onLoad', params: 'query', body: [`this.source = (query && query.from) || 'direct'`, `this.loadItems(true)`] },
    { name: 'onShow', body: [`if (this.items.length === 0 && !this.loading) this.loadItems(true)`] },
    { name: 'onPullDownRefresh', body: [`this.loadItems(true).then(() => uni.stopPullDownRefresh())`] },
    { name: 'onReachBottom', body: [`this.loadMore()`] },
  ];
  return { level: 'page', state, methods, hooks, markup: [] };
}

/** The template around the page-level and item-level lines. */
function template(entity: Entity, onPage: string[], inItem: string[]): string[] {
  return [
    `<template>`,
    `  <view class="page">`,
    `    <view class="search">`,
    `      <input v-model="keyword" class="keyword" placeholder="搜索${entity.zh}" @confirm="onSearch" />`,
    `      <button size="mini" @tap="onSearch">搜索</button>`,
    `    </view>`,
    ...onPage.map((line) => `    ${line}`),
    `    <scroll-view scroll-y class="list" @scrolltolower="loadMore">`,
    `      <view v-for="(item, index) in items" :key="item.id" class="item" @tap="openItem(item.id)">`,
    `        <text class="title">{{ item.title }}</text>`,
    `        <text class="price">¥{{ item.priceText }}</text>`,
    `        <text class="date">{{ item.dateText }}</text>`,
    ...inItem.map((line) => `        ${line}`),
    `      </view>`,
    `    </scroll-view>`,
    `    <view v-if="loading" class="loading">加载中…</view>`,
    `    <view v-else-if="finished && items.length === 0" class="empty">暂无${entity.zh}</view>`,
    `  </view>`,
    `</template>`,
  ];
}

/** The helpers a page script starts with (after its imports). */
function scriptHeader(style: VueStyle, entity: Entity, random: Random): string[] {
  const ts = style === 'setup';
  const type = cap(entity.en);
  const lines: string[] = [];
  if (ts) {
    lines.push(
      `interface ${type} {`,
      `  id: string`,
      `  title: string`,
      `  price: number`,
      `  createdAt: number`,
      ...entity.fields.map((f) => `  ${f}?: string | number`),
      `  cover?: string`,
      `  favorite?: boolean`,
      `}`,
      ``,
    );
  }
  lines.push(
    `const API_BASE = 'https://api.example.com/v${random.int(1, 3)}'`,
    `const PAGE_SIZE = ${random.pick([10, 20, 30])}`,
    `const SERVICE_PHONE = '400-${random.int(100, 999)}-${random.int(1000, 9999)}'`,
    ``,
    `function normalize(item${ts ? `: ${type}` : ''}) {`,
    `  return {`,
    `    ...item,`,
    `    priceText: formatPrice(item.price),`,
    `    dateText: formatDate(item.createdAt),`,
    ...entity.fields.slice(0, random.int(1, entity.fields.length)).map((f) => `    ${f}: item.${f} ?? '',`),
    `  }`,
    `}`,
    ``,
  );
  return lines;
}

/** A body line of the Options style as a setup page reads it: state through `.value`, methods called directly. */
function setupLine(line: string, state: ReadonlySet<string>): string {
  return line.replace(/\bthis\.(\w+)/g, (_, name: string) => (state.has(name) ? `${name}.value` : name));
}

const indent = (lines: readonly string[], by: string) => lines.map((line) => (line ? by + line : line));

/** The script block of a page from its blocks. */
function scriptBlock(style: VueStyle, header: string[], blocks: readonly VueBlock[], pageHooks: readonly string[]): string[] {
  const state = new Map<string, StateField>();
  const methods: Method[] = [];
  const hooks = new Map<string, Hook>();
  for (const block of blocks) {
    for (const field of block.state ?? []) state.set(field.name, field);
    methods.push(...(block.methods ?? []));
    for (const hook of block.hooks ?? []) {
      const known = hooks.get(hook.name);
      hooks.set(hook.name, known ? { ...known, body: [...known.body, ...hook.body] } : hook);
    }
  }
  const hookList = pageHooks.filter((name) => hooks.has(name)).map((name) => hooks.get(name)!);
  if (style === 'options') {
    const member = (m: { name: string; params?: string; async?: boolean; body: string[] }, at: string) => [
      `${at}${m.async ? 'async ' : ''}${m.name}(${m.params ?? ''}) {`,
      ...indent(m.body, `${at}  `),
      `${at}},`,
    ];
    return [
      `<script>`,
      `import { formatDate, formatPrice } from '@/utils/format'`,
      ``,
      ...header,
      `export default {`,
      `  data() {`,
      `    return {`,
      ...[...state.values()].map((f) => `      ${f.name}: ${f.init},`),
      `    }`,
      `  },`,
      ...hookList.flatMap((hook) => [``, ...member(hook, '  ')]),
      ``,
      `  methods: {`,
      ...methods.flatMap((m, i) => [...(i ? [``] : []), ...member(m, '    ')]),
      `  },`,
      `}`,
      `</script>`,
    ];
  }
  const names = new Set(state.keys());
  const hookNames = hookList.map((h) => h.name).sort();
  return [
    `<script setup lang="ts">`,
    `import { ref } from 'vue'`,
    `import { ${hookNames.join(', ')} } from '@dcloudio/uni-app'`,
    `import { formatDate, formatPrice } from '@/utils/format'`,
    ``,
    ...header,
    ...[...state.values()].map((f) => `const ${f.name} = ref${f.type ? `<${f.type}>` : ''}(${f.init})`),
    ...methods.flatMap((m) => [
      ``,
      `${m.async ? 'async ' : ''}function ${m.name}(${m.tsParams ?? m.params ?? ''}) {`,
      ...indent(
        m.body.map((line) => setupLine(line, names)),
        '  ',
      ),
      `}`,
    ]),
    ...hookList.flatMap((hook) => [
      ``,
      `${hook.name}((${hook.params ?? ''}) => {`,
      ...indent(
        hook.body.map((line) => setupLine(line, names)),
        '  ',
      ),
      `})`,
    ]),
    `</script>`,
  ];
}

const pageHookOrder = ['onLoad', 'onShow', 'onPullDownRefresh', 'onReachBottom', 'onShareAppMessage'];

function styleBlock(style: VueStyle): string[] {
  return style === 'options'
    ? [
        `<style scoped>`,
        `.page { padding: 24rpx; background: #f7f7f7; }`,
        `.item { display: flex; align-items: center; padding: 24rpx 0; border-bottom: 1px solid #eee; }`,
        `.user { display: flex; align-items: center; margin: 32rpx 0; }`,
        `.empty, .loading { padding: 48rpx; color: #999; text-align: center; }`,
        `</style>`,
      ]
    : [
        `<style lang="scss" scoped>`,
        `.page {`,
        `  padding: 24rpx;`,
        `  .item {`,
        `    display: flex;`,
        `    padding: 24rpx 0;`,
        `  }`,
        `}`,
        `</style>`,
      ];
}

/** Options of a `.vue` page. */
export interface VuePageOptions {
  style: VueStyle;
  identity: PageIdentity;
  /** True when the page calls user-info APIs. */
  userInfo: boolean;
}

/** A uni-app page; `cases` are the user-info cases it holds (none on other pages). */
export function vuePage(random: Random, options: VuePageOptions): { text: string; cases: VueCase[] } {
  const { style, identity } = options;
  const { entity } = identity;
  const buttons: ButtonStyle = { event: random.chance(0.5) ? 'tap' : 'click', eventSync: style === 'setup' };
  const extras = random.sample(vueExtraIds, random.int(2, 6));
  const cases: VueCase[] = [];
  if (options.userInfo) {
    const table = vueCases[style] as Readonly<Record<VueCase, number>>;
    cases.push(random.weighted(table));
    if (random.chance(0.3)) {
      const second = random.chance(0.4) ? 'choose-avatar' : random.weighted(table);
      if (!cases.includes(second)) cases.push(second);
    }
  }
  const core = coreBlock(entity, options.userInfo);
  const blocks: VueBlock[] = [
    core,
    ...cases.map((c) => userInfoBlock(c, buttons, random, '')),
    ...extras.map((id) => extraBlock(id, entity, '')),
  ];
  const onPage = blocks.filter((b) => b.level === 'page').flatMap((b) => b.markup);
  if (random.chance(0.3))
    onPage.push(`<!-- #ifdef MP-WEIXIN -->`, `<button class="contact" open-type="contact">在线客服</button>`, `<!-- #endif -->`);
  const inItem = blocks.filter((b) => b.level === 'item').flatMap((b) => b.markup);
  const text = [
    ...template(entity, onPage, inItem),
    ``,
    ...scriptBlock(style, scriptHeader(style, entity, random), blocks, pageHookOrder),
    ``,
    ...styleBlock(style),
    ``,
  ].join('\n');
  return { text, cases };
}

/** The `App.vue` of a uni-app project: it logs in while launching. */
export function vueApp(style: VueStyle): string {
  const login = [`uni.login({`, `  provider: 'weixin',`, `  success: (res) => uni.setStorageSync('loginCode', res.code),`, `})`];
  const script =
    style === 'options'
      ? [`<script>`, `export default {`, `  onLaunch() {`, ...indent(login, '    '), `  },`, `}`, `</script>`]
      : [
          `<script setup lang="ts">`,
          `import { onLaunch } from '@dcloudio/uni-app'`,
          ``,
          `onLaunch(() => {`,
          ...indent(login, '  '),
          `})`,
          `</script>`,
        ];
  return [...script, ``, `<style>`, `page { background: #f7f7f7; }`, `</style>`, ``].join('\n');
}

/**
 * One Vue 2 Options page of exactly `lines` lines: the core page plus as many numbered blocks as fit, every fourth a
 * user-info case, padded with constants; its template binds every handler.
 */
export function largeVuePage(random: Random, lines: number): string {
  const entity = entities[0]!;
  const buttons: ButtonStyle = { event: 'tap', eventSync: false };
  const header = scriptHeader('options', entity, random);
  const blocks: VueBlock[] = [coreBlock(entity, true)];
  const cases: VueCase[] = [
    'profile-tap',
    'profile-helper',
    'missing-desc',
    'long-desc',
    'in-login-callback',
    'after-await',
    'legacy-open-type',
  ];
  const render = (padding: string[]) => {
    const onPage = blocks.filter((b) => b.level === 'page').flatMap((b) => b.markup);
    const inItem = blocks.filter((b) => b.level === 'item').flatMap((b) => b.markup);
    return [
      ...template(entity, onPage, inItem),
      ``,
      ...scriptBlock('options', [...header, ...padding], blocks, pageHookOrder),
      ``,
      ...styleBlock('options'),
      ``,
    ];
  };
  // The line count of a text ending in a line break is its number of parts minus one.
  const count = (padding: string[]) => render(padding).length - 1;
  for (let i = 1; ; i++) {
    const n = String(i);
    const block =
      i % 4 === 0
        ? userInfoBlock(cases[(i / 4) % cases.length]!, buttons, random, n)
        : extraBlock(vueExtraIds[i % vueExtraIds.length]!, entity, n);
    // `share` adds the page's onShareAppMessage hook, which a page has once.
    if (block.hooks?.some((h) => h.name === 'onShareAppMessage') && i > vueExtraIds.length) continue;
    blocks.push(block);
    if (count([]) > lines) {
      blocks.pop();
      break;
    }
  }
  // Each constant is one line more.
  const padding: string[] = [];
  for (let missing = lines - count([]); padding.length < missing;)
    padding.push(`const LIMIT_${padding.length} = ${random.int(1, 999)}`);
  return render(padding).join('\n');
}
