const app = getApp();

Page({
  data: { userInfo: null },

  // Asking for the profile as the page opens: WeChat refuses, there is no tap.
  onLoad() {
    wx.getUserProfile({
      desc: '用于完善会员资料',
      success: (res) => this.setData({ userInfo: res.userInfo }),
    });
  },

  // The tap is spent by the time wx.login answers.
  onTapLogin() {
    wx.login({
      success: () => {
        wx.getUserProfile({
          desc: '用于完善会员资料',
          success: (res) => this.saveUser(res.userInfo),
        });
      },
    });
  },

  onTapShare() {
    wx.getUserProfile({
      desc: '用于展示用户头像、昵称并完善会员信息以及积分',
      success: (res) => this.saveUser(res.userInfo),
    });
  },

  saveUser(userInfo) {
    app.globalData.userInfo = userInfo;
    this.setData({ userInfo });
  },
});
