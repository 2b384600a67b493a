// The admin panel's own settings (built by `strapi build`): Chinese (简体中文) beside English.
// Our plugins' screens bring zh-Hans and en messages; each admin picks a language in their profile.
export default {
  config: {
    locales: ['zh-Hans'],
  },
  bootstrap() {},
};
