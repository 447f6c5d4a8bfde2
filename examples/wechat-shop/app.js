App({
  globalData: { userInfo: null },
});
