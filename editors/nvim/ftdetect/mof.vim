" MOF files: the filetype the mofc language server is attached to (Vim's
" own runtime calls *.mof "msidl", so this one overrides it).
autocmd BufRead,BufNewFile *.mof,*.mfl set filetype=mof
