-- mofc.lua - `mofc lsp` for Neovim.
--
-- With nvim-lspconfig:
--
--   require('mofc').lspconfig()           -- registers the 'mofc' server
--   require('lspconfig').mofc.setup({})
--
-- Without it (Neovim 0.7 and later, built-in client only):
--
--   require('mofc').autostart()
--
-- Both accept { cmd = {...}, init_options = { flags = {...}, inputs = {...} } }.
local M = {}

local defaults = {
  cmd = { 'mofc', 'lsp' },
  filetypes = { 'mof' },
  init_options = {},
}

local function root_of(fname)
  local dir = vim.fn.fnamemodify(fname, ':p:h')
  local found = vim.fn.findfile('.mofc', dir .. ';')
  if found ~= '' then return vim.fn.fnamemodify(found, ':p:h') end
  local git = vim.fn.finddir('.git', dir .. ';')
  if git ~= '' then return vim.fn.fnamemodify(git, ':p:h:h') end
  return dir
end

function M.lspconfig(opts)
  opts = vim.tbl_deep_extend('force', defaults, opts or {})
  local configs = require('lspconfig.configs')
  if not configs.mofc then
    configs.mofc = {
      default_config = {
        cmd = opts.cmd,
        filetypes = opts.filetypes,
        root_dir = function(fname) return root_of(fname) end,
        init_options = opts.init_options,
        single_file_support = true,
      },
      docs = { description = 'mofc lsp: diagnostics and navigation for MOF/CIM schemas' },
    }
  end
end

function M.autostart(opts)
  opts = vim.tbl_deep_extend('force', defaults, opts or {})
  local clients = {}
  vim.api.nvim_create_autocmd('FileType', {
    pattern = opts.filetypes,
    callback = function(args)
      local root = root_of(vim.api.nvim_buf_get_name(args.buf))
      local id = clients[root]
      if not id or not vim.lsp.get_client_by_id(id) then
        id = vim.lsp.start_client({
          name = 'mofc', cmd = opts.cmd, root_dir = root, init_options = opts.init_options,
        })
        clients[root] = id
      end
      if id then vim.lsp.buf_attach_client(args.buf, id) end
    end,
  })
end

return M
