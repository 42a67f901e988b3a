/* xmllib.c - see xmllib.h. */
#include "xmllib/xmllib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* The soname the headers we compile against belong to. */
#define XMLLIB_SONAME "libxml2.so.2"

static struct xmllib lib;
static const struct xmllib *loaded;
static char failure[512];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Builds with threads export xmlFree per thread through __xmlFree();
 * others as a variable.  Either way it is the free for what libxml2
 * hands out. */
static xmlFreeFunc *(*free_getter)(void);
static xmlFreeFunc *free_slot;

static void free_through(void *p)
{
    (*(free_getter ? free_getter() : free_slot))(p);
}

static void *symbol(void *h, const char *name, int *missing)
{
    void *p = dlsym(h, name);
    if (!p && !*missing) {
        snprintf(failure, sizeof failure, "%s has no symbol %s", XMLLIB_SONAME, name);
        *missing = 1;
    }
    return p;
}

/* dlsym returns void *; ISO C has no conversion from it to a function
 * pointer, POSIX guarantees the representation.  memcpy says so. */
#define BIND(field, name)                                                                          \
    do {                                                                                           \
        void *p_ = symbol(h, name, &missing);                                                      \
        memcpy(&lib.field, &p_, sizeof p_);                                                        \
    } while (0)

static void load(void)
{
    void *h = dlopen(XMLLIB_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *e = dlerror();
        snprintf(failure, sizeof failure, "cannot load %s: %s", XMLLIB_SONAME,
                 e ? e : "unknown error");
        return;
    }
    int missing = 0;
    BIND(ReadMemory, "xmlReadMemory");
    BIND(DocGetRootElement, "xmlDocGetRootElement");
    BIND(FreeDoc, "xmlFreeDoc");
    BIND(GetNsProp, "xmlGetNsProp");
    BIND(GetLineNo, "xmlGetLineNo");
    BIND(NodeGetContent, "xmlNodeGetContent");
    BIND(SetStructuredErrorFunc, "xmlSetStructuredErrorFunc");
    BIND(OutputBufferCreateIO, "xmlOutputBufferCreateIO");
    BIND(OutputBufferClose, "xmlOutputBufferClose");
    BIND(BufferCreate, "xmlBufferCreate");
    BIND(BufferSetAllocationScheme, "xmlBufferSetAllocationScheme");
    BIND(BufferContent, "xmlBufferContent");
    BIND(BufferFree, "xmlBufferFree");
    BIND(NewTextWriter, "xmlNewTextWriter");
    BIND(NewTextWriterMemory, "xmlNewTextWriterMemory");
    BIND(FreeTextWriter, "xmlFreeTextWriter");
    BIND(TextWriterSetIndent, "xmlTextWriterSetIndent");
    BIND(TextWriterSetIndentString, "xmlTextWriterSetIndentString");
    BIND(TextWriterStartDocument, "xmlTextWriterStartDocument");
    BIND(TextWriterEndDocument, "xmlTextWriterEndDocument");
    BIND(TextWriterStartElement, "xmlTextWriterStartElement");
    BIND(TextWriterEndElement, "xmlTextWriterEndElement");
    BIND(TextWriterWriteAttribute, "xmlTextWriterWriteAttribute");
    BIND(TextWriterWriteString, "xmlTextWriterWriteString");

    void (*check_version)(int) = NULL;
    void (*init_parser)(void) = NULL;
    void *p = symbol(h, "xmlCheckVersion", &missing);
    memcpy(&check_version, &p, sizeof p);
    p = symbol(h, "xmlInitParser", &missing);
    memcpy(&init_parser, &p, sizeof p);
    p = dlsym(h, "__xmlFree");
    if (p)
        memcpy(&free_getter, &p, sizeof p);
    else
        free_slot = symbol(h, "xmlFree", &missing);
    if (missing) {
        dlclose(h);
        return;
    }
    lib.Free = free_through;
    /* Aborts with libxml2's own message if the ABI does not match. */
    check_version(LIBXML_VERSION);
    init_parser();
    loaded = &lib;
}

const struct xmllib *xmllib_get(const char **why)
{
    pthread_once(&once, load);
    if (!loaded && why)
        *why = failure;
    return loaded;
}
