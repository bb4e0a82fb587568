import { ruleTester, VALID_RECIPE } from '../../helpers.js';

ruleTester.run('sbuild/url', {
  valid: [
    {
      name: 'http, https and ftp URLs',
      code: VALID_RECIPE.replace('  - "https://github.com/example/hello"\nmaintainer', '  - "http://example.com"\n  - "ftp://ftp.gnu.org/gnu/hello/"\nmaintainer'),
    },
  ],
  invalid: [
    {
      name: 'URLs without scheme, with spaces, or with another scheme, at the item',
      code: VALID_RECIPE.replace(
        'homepage:\n  - "https://github.com/example/hello"',
        'homepage:\n  - "github.com/example/hello"\n  - "https://example.com/my page"\n  - "git://example.com/hello.git"\n  - "https:example.com"',
      ),
      errors: [
        "sbuild/url error 10:5-10:31 'github.com/example/hello' is not a valid URL in homepage[0]: it has no scheme (expected https://…)",
        "sbuild/url error 11:5-11:34 'https://example.com/my page' is not a valid URL in homepage[1]: it contains white space (encode a space as %20)",
        "sbuild/url error 12:5-12:34 'git://example.com/hello.git' is not a valid URL in homepage[2]: its scheme is git, expected http, https or ftp",
        "sbuild/url error 13:5-13:24 'https:example.com' is not a valid URL in homepage[3]: it has no host (expected scheme://host/…)",
      ],
      output: null,
    },
    {
      name: 'the URLs of icon, license and build_asset, allowing ${VAR} in build_asset',
      code: VALID_RECIPE.replace(
        'category:',
        [
          'icon:',
          '  url: "https://example .com/icon.png"',
          'license:',
          '  - id: "MIT"',
          '    url: "example.com/LICENSE"',
          'build_asset:',
          '  - url: "https://example.com/${PKG_VER}/hello.tar"',
          '    out: "hello.tar"',
          '  - url: "${MIRROR}/hello.tar"',
          '    out: "mirror.tar"',
          '  - url: "hello.tar"',
          '    out: "local.tar"',
          'category:',
        ].join('\n'),
      ),
      errors: [
        "sbuild/url error 7:8-7:39 'https://example .com/icon.png' is not a valid URL in icon.url: it contains white space (encode a space as %20)",
        "sbuild/url error 10:10-10:31 'example.com/LICENSE' is not a valid URL in license[0].url: it has no scheme (expected https://…)",
        "sbuild/url error 16:10-16:21 'hello.tar' is not a valid URL in build_asset[2].url: it has no scheme (expected https://…)",
      ],
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
  ],
});
