Page({
  // Correct: straight from the tap, with a short desc and a fallback when the user declines.
  onTapProfile() {
    wx.getUserProfile({
      desc: '用于完善会员资料',
      success: (res) => this.setData({ userInfo: res.userInfo }),
      fail: () => wx.showToast({ title: '未授权，可稍后在设置中完善', icon: 'none' }),
    });
  },

  onTapMissingDesc() {
    wx.getUserProfile({
      success: (res) => this.setData({ userInfo: res.userInfo }),
    });
  },
});
