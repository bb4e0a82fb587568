import { ruleTester, VALID_RECIPE } from '../../helpers.js';

const withAssets = (...urls: string[]) =>
  VALID_RECIPE.replace('category:', ['build_asset:', ...urls.flatMap((url, index) => [`  - url: "${url}"`, `    out: "asset${index}"`]), 'category:'].join('\n'));

const withIcon = VALID_RECIPE.replace('category:', 'icon:\n  url: "https://example .com/icon.png"\ncategory:');

ruleTester.run('sbuild/url', {
  valid: [
    // builder-truth §1.1: from 2f1f48e (2026-02-17) on the builder drops icon unread (sbuild/unknown-key says so).
    { name: 'the URL of icon, for a builder that drops icon', code: withIcon },
    {
      name: 'http, https and ftp URLs',
      code: VALID_RECIPE.replace('  - "https://github.com/example/hello"\nmaintainer', '  - "http://example.com"\n  - "ftp://ftp.gnu.org/gnu/hello/"\nmaintainer'),
    },
    {
      name: 'from the 2026-02 builder on, a build_asset URL holding ${ anywhere is not checked, as the builder does not check it',
      code: withAssets('https://example.com/${PKG} x', '${GITHUB_TOKEN}/hello.tar', 'https://example.com/${PKG_VER}/${arch}/hello.tar'),
      settings: { target: '2026-02' },
    },
  ],
  invalid: [
    {
      // builder-truth §1.1, §4.1: without pkg_id, the builder takes it from src_url[0] after '://' and panics without one.
      name: 'a src_url[0] without // when pkg_id is left to the builder',
      code: VALID_RECIPE.replace('pkg_id: "github.com.example.hello"\n', '').replace('src_url:\n  - "https://github.com/example/hello"', 'src_url:\n  - "https:github.com/example/hello"'),
      errors: ["sbuild/url error 13:5-13:37 'https:github.com/example/hello' is not a valid URL in src_url[0]: it does not start with scheme://host; the builder derives the missing pkg_id from what follows '://' in src_url[0], and stops without one"],
      output: null,
    },
    {
      name: 'URLs without scheme or with another scheme (errors), and with spaces or without // (warnings: WHATWG reads them), at the item',
      code: VALID_RECIPE.replace(
        'homepage:\n  - "https://github.com/example/hello"',
        'homepage:\n  - "github.com/example/hello"\n  - "https://example.com/my page"\n  - "git://example.com/hello.git"\n  - "https:example.com"',
      ),
      errors: [
        "sbuild/url error 10:5-10:31 'github.com/example/hello' is not a valid URL in homepage[0]: it has no scheme (expected https://…)",
        "sbuild/url warning 11:5-11:34 'https://example.com/my page' in homepage[1] is an irregular URL: it contains white space (encode a space as %20); the builder's URL parser reads it as https://example.com/my%20page, other tools may not: write that",
        "sbuild/url error 12:5-12:34 'git://example.com/hello.git' is not a valid URL in homepage[2]: its scheme is git, expected http, https or ftp",
        "sbuild/url warning 13:5-13:24 'https:example.com' in homepage[3] is an irregular URL: it does not start with scheme://host; the builder's URL parser reads it as https://example.com/, other tools may not: write that",
      ],
      output: null,
    },
    {
      name: 'the URLs of license and build_asset, allowing ${VAR} in build_asset',
      code: VALID_RECIPE.replace(
        'category:',
        [
          'license:',
          '  - id: "MIT"',
          '    url: "example.com/LICENSE"',
          'build_asset:',
          '  - url: "https://example.com/${PKG_VER}/hello.tar"',
          '    out: "hello.tar"',
          '  - url: "${GH_TOKEN}/hello.tar"',
          '    out: "mirror.tar"',
          '  - url: "hello.tar"',
          '    out: "local.tar"',
          'category:',
        ].join('\n'),
      ),
      errors: [
        "sbuild/url error 8:10-8:31 'example.com/LICENSE' is not a valid URL in license[0].url: it has no scheme (expected https://…)",
        "sbuild/url error 14:10-14:21 'hello.tar' is not a valid URL in build_asset[2].url: it has no scheme (expected https://…)",
      ],
      output: null,
    },
    {
      name: 'the URL of icon, for a builder that reads icon',
      code: withIcon,
      settings: { target: '2025-11' },
      errors: ["sbuild/url error 7:8-7:39 'https://example .com/icon.png' is not a valid URL in icon.url: it contains white space (encode a space as %20)"],
      output: null,
    },
    {
      name: 'a URL an alias stands for, at the alias',
      code: VALID_RECIPE.replace('homepage:\n  - "https://github.com/example/hello"', 'homepage:\n  - &u "htps://github.com/example/hello"').replace('src_url:\n  - "https://github.com/example/hello"', 'src_url: [*u]'),
      errors: [
        "sbuild/url error 10:8-10:41 'htps://github.com/example/hello' is not a valid URL in homepage[0]: its scheme is htps, expected http, https or ftp",
        "sbuild/url error 13:11-13:13 'htps://github.com/example/hello' is not a valid URL in src_url[0]: its scheme is htps, expected http, https or ftp (the value of alias *u, anchored on line 10)",
      ],
      output: null,
    },
    {
      name: 'from the 2026-02 builder on, a build_asset URL without ${ is still checked',
      code: withAssets('https://example.com/hello x'),
      settings: { target: '2026-02' },
      errors: ["sbuild/url warning 7:10-7:39 'https://example.com/hello x' in build_asset[0].url is an irregular URL: it contains white space (encode a space as %20); the builder's URL parser reads it as https://example.com/hello%20x, other tools may not: write that"],
      output: null,
    },
    {
      // builder-truth §2.3: only ${NAME}, braced, of the variables of §2.1 is filled in; anything else stays as written.
      name: 'from the 2026-02 builder on, a build_asset URL with $NAME unbraced or a ${NAME} the builder does not set',
      code: withAssets('https://example.com/$PKG.tar', 'https://example.com/${VERSION}/hello.tar'),
      errors: [
        "sbuild/url error 7:10-7:40 'https://example.com/$PKG.tar' in build_asset[0].url is downloaded with $PKG as written: the builder fills in only ${NAME}, braced, of the variables it exports or passes on, so the download fails",
        "sbuild/url error 9:10-9:52 'https://example.com/${VERSION}/hello.tar' in build_asset[1].url is downloaded with ${VERSION} as written: the builder fills in only ${NAME}, braced, of the variables it exports or passes on, so the download fails",
      ],
      output: null,
    },
    {
      name: 'before 2026-02, a build_asset URL is checked and downloaded as written, ${VAR} included',
      code: withAssets('https://example.com/${PKG} x', '${MIRROR}/hello.tar', 'https://example.com/${PKG_VER}/hello.tar', 'https://example.com/hello.tar?v=${PKG_VER}'),
      settings: { target: '2026-01' },
      errors: [
        "sbuild/url error 7:10-7:40 'https://example.com/${PKG} x' is not a valid URL in build_asset[0].url: it contains white space (encode a space as %20); the 2026-01 builder does not fill in ${PKG} in build_asset URLs (builders from 2f0964f, 2026-02-18 on fill in the variables they export), so its linter rejects the text as written",
        "sbuild/url error 9:10-9:31 '${MIRROR}/hello.tar' is not a valid URL in build_asset[1].url: it has no scheme (expected https://…); the 2026-01 builder does not fill in ${MIRROR} in build_asset URLs (builders from 2f0964f, 2026-02-18 on fill in the variables they export), so its linter rejects the text as written",
        "sbuild/url error 11:10-11:52 'https://example.com/${PKG_VER}/hello.tar' in build_asset[2].url is downloaded as written: the 2026-01 builder does not fill in ${PKG_VER} in build_asset URLs (builders from 2f0964f, 2026-02-18 on fill in the variables they export), so the download fails; write the value out",
        "sbuild/url warning 13:10-13:54 'https://example.com/hello.tar?v=${PKG_VER}' in build_asset[3].url is requested with ${PKG_VER} as written: the 2026-01 builder does not fill in ${PKG_VER} in build_asset URLs (builders from 2f0964f, 2026-02-18 on fill in the variables they export); write the value out",
      ],
      output: null,
    },
  ],
});
