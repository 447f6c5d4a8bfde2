// The ESLint configuration the benchmark compares against: @typescript-eslint/parser (what a TypeScript
// or Taro project would use) and `no-restricted-syntax` selectors approximating the four core rules.
// Selectors cannot follow handlers from markup or through helper calls, so this is a lower bound on
// the work a real ESLint plugin for these rules would do.
import tseslint from 'typescript-eslint';

const profile = ':matches(CallExpression[callee.property.name="getUserProfile"], CallExpression[callee.name="getUserProfile"])';
const selectors = [
  // desc-missing: no options, or options without desc.
  { selector: `${profile}[arguments.length=0]`, message: 'getUserProfile needs options with desc' },
  {
    selector: `${profile} > ObjectExpression.arguments:not(:has(> Property[key.name="desc"]))`,
    message: 'getUserProfile needs a desc',
  },
  // desc-too-long: a literal desc over 30 characters.
  {
    selector: `${profile} > ObjectExpression > Property[key.name="desc"] > Literal[value=/^.{31,}$/]`,
    message: 'desc is over 30 characters',
  },
  // not-in-tap-handler: inside API callbacks, lifecycle hooks, deferred callbacks or async functions.
  { selector: `Property[key.name=/^(success|fail|complete)$/] ${profile}`, message: 'getUserProfile in a callback' },
  {
    selector: `:matches(Property, MethodDefinition)[key.name=/^(onLoad|onShow|onReady|created|attached|componentDidMount)$/] ${profile}`,
    message: 'getUserProfile in a lifecycle hook',
  },
  {
    selector: `CallExpression[callee.name=/^(useEffect|useLayoutEffect|useDidShow|useLoad|useReady)$/] ${profile}`,
    message: 'getUserProfile in a lifecycle hook',
  },
  {
    selector: `CallExpression:matches([callee.name=/^(setTimeout|setInterval)$/], [callee.property.name=/^(then|catch|finally)$/]) ${profile}`,
    message: 'getUserProfile in a deferred callback',
  },
  { selector: `:function[async=true] ${profile}`, message: 'getUserProfile in an async function' },
  // tt-login-required: tt.getUserInfo outside a success callback.
  {
    selector:
      'CallExpression[callee.object.name="tt"][callee.property.name="getUserInfo"]:not(Property[key.name="success"] CallExpression)',
    message: 'tt.getUserInfo needs tt.login first',
  },
];

export default [
  {
    files: ['**/*.{js,jsx,mjs,cjs,ts,tsx}'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaFeatures: { jsx: true }, sourceType: 'module' },
    },
    rules: { 'no-restricted-syntax': ['error', ...selectors] },
  },
];
