-- Drives fim-lint's language server from Neovim's built-in client (0.7 and later: vim.lsp.start_client).
-- Reads FIM_LINT_NODE, FIM_LINT_SERVER, FIM_LINT_RECIPE; writes what it saw as JSON to FIM_LINT_RESULT.
local node = os.getenv('FIM_LINT_NODE')
local server = os.getenv('FIM_LINT_SERVER')
local recipe = os.getenv('FIM_LINT_RECIPE')
local result = {}

local function finish(code)
  local file = io.open(os.getenv('FIM_LINT_RESULT'), 'w')
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd(code == 0 and 'qall!' or ('cquit ' .. code))
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(recipe))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'fim-lint',
    cmd = { node, server, '--stdio' },
    root_dir = vim.fn.fnamemodify(recipe, ':h'),
    init_options = { shellcheck = false },
    flags = { debounce_text_changes = 20 },
  })
  assert(client_id, 'the server did not start')
  assert(vim.lsp.buf_attach_client(buf, client_id), 'the client did not attach')

  local function diagnostics()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      table.insert(list, string.format('%s %d:%d-%d:%d', d.code, d.lnum + 1, d.col + 1, d.end_lnum + 1, d.end_col + 1))
    end
    table.sort(list)
    return list
  end
  local function has(code, line)
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == code and (line == nil or d.lnum + 1 == line) then return true end
    end
    return false
  end
  local function wait_for(what, condition)
    assert(vim.wait(20000, condition, 20), 'timed out waiting for ' .. what .. '; diagnostics: ' .. vim.inspect(diagnostics()))
  end

  wait_for('the first diagnostics', function() return has('sbuild/category') end)
  result.before = diagnostics()

  local line = vim.api.nvim_buf_get_lines(buf, 6, 7, false)[1]
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 6, character = 6 }, ['end'] = { line = 6, character = 6 } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, 6) },
  }
  local responses = assert(vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000), 'no code actions')
  local actions = responses[client_id].result
  result.titles = {}
  local fix
  for _, action in ipairs(actions) do
    table.insert(result.titles, action.title)
    if fix == nil and action.kind == 'quickfix' and action.title:sub(1, 4) == 'Fix ' then fix = action end
  end
  assert(fix, 'no quick fix for line 7: ' .. line)
  vim.lsp.util.apply_workspace_edit(fix.edit, 'utf-16')
  result.fixed_line = vim.api.nvim_buf_get_lines(buf, 6, 7, false)[1]
  wait_for('the diagnostics after the fix', function() return not has('sbuild/category') end)
  result.after_fix = diagnostics()

  vim.api.nvim_buf_set_lines(buf, 4, 5, false, { 'pkg_type: "Static"' })
  wait_for('a diagnostic on the edited line', function() return has('flatimage/pkg-type', 5) end)
  result.after_edit = diagnostics()

  vim.api.nvim_buf_set_lines(buf, 1, 1, false, { '# a comment line moves everything below it' })
  wait_for('the diagnostic to move down', function() return has('flatimage/pkg-type', 6) end)
  result.after_insert = diagnostics()

  vim.lsp.stop_client(client_id)
end)

if ok then
  finish(0)
else
  result.error = tostring(err)
  finish(1)
end
