/*
 * xml_reader.h - reading CIM-XML declaration documents into the AST.
 */
#ifndef MOFC_XML_READER_H
#define MOFC_XML_READER_H

#include <stdbool.h>

#include "mofc/model.h"
#include "source.h"

struct mofc;

/* True if the decoded text is XML rather than MOF. */
bool xml_looks_like(const struct source_file *f);
/* Reads one document into m->unit, reporting located errors. */
void xml_read(struct mofc *m, struct source_file *f, enum mofc_origin origin);

#endif
