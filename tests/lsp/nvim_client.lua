-- nvim_client.lua - Neovim's own LSP client (0.7 API) against `mofc lsp`:
-- opens a file, waits for the diagnostics, asks for a hover and a
-- definition, and writes what it got to $MOFC_NVIM_OUT, one fact a line.
-- Environment: MOFC, MOFC_NVIM_FILE, MOFC_NVIM_ROOT, MOFC_NVIM_INPUT,
-- MOFC_NVIM_HOVER and MOFC_NVIM_DEF ("line:character", 0-based).
local env = vim.env
local out = assert(io.open(env.MOFC_NVIM_OUT, 'w'))
local function say(...) out:write(table.concat({...}, ' '), '\n') out:flush() end
local function pos(s)
  local l, c = s:match('(%d+):(%d+)')
  return { line = tonumber(l), character = tonumber(c) }
end

vim.cmd('edit ' .. vim.fn.fnameescape(env.MOFC_NVIM_FILE))
local bufnr = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = 'mofc',
  cmd = { env.MOFC, 'lsp' },
  root_dir = env.MOFC_NVIM_ROOT,
  init_options = { inputs = { env.MOFC_NVIM_INPUT }, dialect = 'dmtf' },
})
if not id then say('no client') out:close() vim.cmd('qa!') end
vim.lsp.buf_attach_client(bufnr, id)
local client
vim.wait(10000, function()
  client = vim.lsp.get_client_by_id(id)
  return client ~= nil and client.initialized
end, 20)
say('initialized', tostring(client ~= nil and client.initialized))

vim.wait(20000, function() return #vim.diagnostic.get(bufnr) > 0 end, 20)
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  say('diagnostic', d.lnum .. ':' .. d.col, tostring(d.severity), tostring(d.code), d.message)
end

local function ask(method, at)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = pos(at) }
  local res = client.request_sync(method, params, 10000, bufnr)
  return res and res.result
end
local h = ask('textDocument/hover', env.MOFC_NVIM_HOVER)
if h and h.contents then
  for line in (h.contents.value .. '\n'):gmatch('(.-)\n') do say('hover', line) end
end
local d = ask('textDocument/definition', env.MOFC_NVIM_DEF)
if d and d.uri then
  say('definition', vim.uri_to_fname(d.uri), d.range.start.line .. ':' .. d.range.start.character)
end
client.stop()
vim.wait(5000, function() return client.is_stopped() end, 20)
say('stopped', tostring(client.is_stopped()))
out:close()
vim.cmd('qa!')
