#!/usr/bin/env node
import { runLanguageServer } from './lsp/main.js';

runLanguageServer(process.argv.slice(2));
