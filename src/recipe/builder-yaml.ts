import { parseAllDocuments, visit, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

/**
 * How the builder's YAML parser (saphyr, since 2f1f48e) reads a recipe: the YAML 1.2 core schema whatever a `%YAML`
 * directive says, no `<<` merge keys, and a quoted or block scalar is a string whatever its tag (`!!bool "false"`).
 */
const BUILDER_SCHEMA = { version: '1.2', schema: 'core', merge: false } as const;

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/** Every YAML document in the text, read as the builder reads it. */
export function parseAsBuilder(text: string, options: Omit<Options, keyof typeof BUILDER_SCHEMA> = {}): Document.Parsed[] {
  const documents = parseAllDocuments(text, { ...options, ...BUILDER_SCHEMA }) as Document.Parsed[];
  if (MAY_HAVE_TAG.test(text)) documents.forEach(untagQuotedScalars);
  return documents;
}

/**
 * A tag that may type a scalar (`!!bool`, `!custom`): a `!` after a blank, a flow indicator or at a line start, and
 * before a tag character. Not `#!/SBUILD`, nor a script's `if ! cmd` or `a != b`.
 */
const MAY_HAVE_TAG = /(?:^|[\s[{,])![^\s=]/m;

function untagQuotedScalars(document: Document.Parsed): void {
  visit(document, {
    Scalar(_, scalar) {
      if (scalar.type !== 'PLAIN' && scalar.tag !== undefined && typeof scalar.source === 'string') scalar.value = scalar.source;
    },
  });
}
