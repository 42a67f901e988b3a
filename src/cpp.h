/*
 * cpp.h - MOF inputs run through the system C preprocessor (--cpp).
 *
 * The preprocessor's output is parsed as a virtual file whose every line
 * knows, from the line markers, the original file and line it came from;
 * positions in it are reported in the original files, which are read too
 * (for the quoted line, the include chain and the depfile).
 */
#ifndef MOFC_CPP_H
#define MOFC_CPP_H

#include <stdbool.h>

struct mofc;
struct loc;
struct source_file;

/* Preprocesses the input `f` (already read and decoded).  `disk_path` is
 * its path when the preprocessor may read the file itself (plain UTF-8 on
 * disk), NULL to hand it the decoded text through a temporary file.
 * Returns the output to parse, or NULL after reporting why not. */
struct source_file *cpp_preprocess(struct mofc *m, struct source_file *f, const char *disk_path);

/* If `l` lies in a preprocessor output, moves it to the original file and
 * returns true.  When the spot is inside text a macro expansion produced,
 * `*macro` (if given) is set to the name written there, else to NULL. */
bool cpp_map_loc(struct mofc *m, struct loc *l, const char **macro);

#endif
