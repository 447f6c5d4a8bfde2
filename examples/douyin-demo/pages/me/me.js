Page({
  onShow() {
    tt.getUserInfo({
      success: (res) => this.setData({ userInfo: res.userInfo }),
    });
  },

  onTapProfile() {
    tt.login({ force: true });
    tt.getUserProfile({
      success: (res) => this.setData({ userInfo: res.userInfo }),
    });
  },
});
