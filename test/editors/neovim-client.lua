-- Drives the language server from Neovim's built-in LSP client, headless, for test/editors/neovim.test.ts.
-- The test passes a JSON object in MP_NVIM_TEST: { node, server, root, file, hover = { line, character },
-- settings, out }. The script opens `file`, waits for the server's diagnostics, asks for a hover, writes what Neovim
-- holds as JSON to `out`, and quits (exit code 1 on any error, with the error in `out`).
local params = vim.fn.json_decode(vim.env.MP_NVIM_TEST)
local published = false

local function write(result)
  local file = assert(io.open(params.out, 'w'))
  file:write(vim.fn.json_encode(result))
  file:close()
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(params.file))
  local bufnr = vim.api.nvim_get_current_buf()
  local config = {
    name = 'mp-userinfo',
    cmd = { params.node, params.server, '--stdio' },
    root_dir = params.root,
    settings = params.settings,
    -- Neovim 0.7 neither answers workspace/configuration nor sends the settings by itself: push them once.
    on_init = function(client)
      client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
    end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, handler_config)
        vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, handler_config)
        if result.uri == vim.uri_from_bufnr(bufnr) then published = true end
      end,
    },
  }
  -- vim.lsp.start (Neovim 0.8+) starts the client and attaches the current buffer; 0.7 has only start_client.
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config)
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  assert(client_id, 'the LSP client did not start')
  assert(vim.wait(20000, function() return published end, 20), 'no diagnostics from the server within 20 s')

  local diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(diagnostics, {
      line = d.lnum,
      character = d.col,
      severity = d.severity,
      source = d.source,
      code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
      message = d.message,
    })
  end

  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = params.hover,
  }, 10000)
  local hover = responses and responses[client_id]
  assert(hover and not hover.err, 'hover failed: ' .. vim.inspect(hover))
  local contents = hover.result and hover.result.contents
  local markdown = type(contents) == 'table' and contents.value or contents

  write({
    nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch),
    diagnostics = diagnostics,
    hover = markdown or vim.NIL,
  })
  vim.lsp.stop_client(client_id)
end

local ok, err = xpcall(run, debug.traceback)
if ok then
  vim.cmd('qall!')
else
  write({ error = tostring(err) })
  vim.cmd('cquit! 1')
end
