import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validatorSource } from '../../src/schemas/compile.js';
import { PRECOMPILED, precompiledValidator, schemasPath, type SchemaName } from '../../src/schemas/precompiled.js';

const names = Object.keys(PRECOMPILED) as SchemaName[];

describe('precompiled validators', () => {
  it.each(names)('%s matches its schema and the Ajv of package.json (UPDATE_VALIDATORS=1 regenerates it)', (name) => {
    const path = schemasPath(PRECOMPILED[name].validator);
    const expected = validatorSource(name);
    if (process.env.UPDATE_VALIDATORS) writeFileSync(path, expected);
    expect(readFileSync(path, 'utf8')).toBe(expected);
  });

  it('reports every schema error of a recipe', () => {
    const validate = precompiledValidator('sbuild');
    expect(validate({ _disabled: false, pkg: 'hello', description: 'Says hello', src_url: ['https://example.com'], x_exec: { shell: 'sh', run: 'true' } })).toBe(true);
    expect(validate({ pkg: 1 })).toBe(false);
    expect(validate.errors?.map((error) => `${error.instancePath} ${error.keyword}`)).toEqual(expect.arrayContaining([' required', '/pkg type']));
  });

  it('limits string lengths only to 0 or 1, where counting UTF-16 units (unicode: false) equals counting code points', () => {
    const schema = readFileSync(schemasPath(PRECOMPILED.sbuild.schema), 'utf8');
    const limits = [...schema.matchAll(/"(?:minLength|maxLength)": (\d+)/g)].map((match) => Number(match[1]));
    expect(limits.length).toBeGreaterThan(0);
    expect(limits.every((limit) => limit <= 1)).toBe(true);
  });

  it('stops at the first error of a configuration', () => {
    const validate = precompiledValidator('config');
    expect(validate({ rules: { 'sbuild/url': 'error' } })).toBe(true);
    expect(validate({ color: true, other: 1 })).toBe(false);
    expect(validate.errors).toHaveLength(1);
    expect(validate.errors?.[0]).toMatchObject({ keyword: 'additionalProperties', params: { additionalProperty: 'color' } });
  });
});
