/*
 * xmllib.h - libxml2, loaded when a run first reads or writes XML.
 *
 * Loading libxml2 (and the ICU it pulls in) costs more than checking a
 * small file, so mofc does not link it: the XML reader and writer reach
 * it through this table, filled by dlopen on first use.  The libxml2
 * headers are still used for its types and constants.
 */
#ifndef MOFC_XMLLIB_H
#define MOFC_XMLLIB_H

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

struct xmllib {
    /* reading (src/xml_reader.c) */
    xmlDocPtr (*ReadMemory)(const char *buf, int size, const char *url, const char *enc,
                            int options);
    xmlNodePtr (*DocGetRootElement)(const xmlDoc *doc);
    void (*FreeDoc)(xmlDocPtr doc);
    xmlChar *(*GetNsProp)(const xmlNode *n, const xmlChar *name, const xmlChar *ns);
    long (*GetLineNo)(const xmlNode *n);
    xmlChar *(*NodeGetContent)(const xmlNode *n);
    void (*SetStructuredErrorFunc)(void *ctx, xmlStructuredErrorFunc handler);
    void (*Free)(void *p);
    /* writing (codegen/cimxml.c) */
    xmlOutputBufferPtr (*OutputBufferCreateIO)(xmlOutputWriteCallback w,
                                               xmlOutputCloseCallback c, void *ctx,
                                               xmlCharEncodingHandlerPtr enc);
    int (*OutputBufferClose)(xmlOutputBufferPtr out);
    xmlBufferPtr (*BufferCreate)(void);
    void (*BufferSetAllocationScheme)(xmlBufferPtr b, xmlBufferAllocationScheme s);
    const xmlChar *(*BufferContent)(const xmlBuffer *b);
    void (*BufferFree)(xmlBufferPtr b);
    xmlTextWriterPtr (*NewTextWriter)(xmlOutputBufferPtr out);
    xmlTextWriterPtr (*NewTextWriterMemory)(xmlBufferPtr b, int compression);
    void (*FreeTextWriter)(xmlTextWriterPtr w);
    int (*TextWriterSetIndent)(xmlTextWriterPtr w, int indent);
    int (*TextWriterSetIndentString)(xmlTextWriterPtr w, const xmlChar *s);
    int (*TextWriterStartDocument)(xmlTextWriterPtr w, const char *version,
                                   const char *encoding, const char *standalone);
    int (*TextWriterEndDocument)(xmlTextWriterPtr w);
    int (*TextWriterStartElement)(xmlTextWriterPtr w, const xmlChar *name);
    int (*TextWriterEndElement)(xmlTextWriterPtr w);
    int (*TextWriterWriteAttribute)(xmlTextWriterPtr w, const xmlChar *name,
                                    const xmlChar *content);
    int (*TextWriterWriteString)(xmlTextWriterPtr w, const xmlChar *content);
};

/* The loaded library, or NULL when it cannot be loaded; then `why` (if
 * not NULL) says why.  Loads once; safe to call from several threads. */
const struct xmllib *xmllib_get(const char **why);

#endif
