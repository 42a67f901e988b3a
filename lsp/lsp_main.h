/*
 * lsp_main.h - the entry of `mofc lsp` for the command's dispatcher.
 */
#ifndef MOFC_LSP_MAIN_H
#define MOFC_LSP_MAIN_H

/* Runs the language server on standard input and output; argv holds the
 * arguments after "lsp".  Returns the exit status. */
int lsp_main(int argc, char **argv);

#endif
