/*
 * bmf.h - facts of the binary MOF format shared by its reader
 * (src/bmf_reader.c) and its writer (codegen/bmf.c); doc/bmf-format.md
 * describes the format.
 */
#ifndef MOFC_BMF_H
#define MOFC_BMF_H

/* The four bytes every binary MOF image, compressed or not, begins with. */
#define MOFC_BMF_MAGIC "FOMB"

/* The largest decompressed image mofc reads or writes; a declared size is
 * checked against it before anything is allocated. */
#define MOFC_BMF_MAX_IMAGE (64u * 1024 * 1024)

/* "No such part" in an offset or index field. */
#define MOFC_BMF_NONE 0xFFFFFFFFu

/* Value types (VARIANT codes, and WMI's own for the CIM types past them). */
enum mofc_bmf_vt {
    MOFC_VT_I2 = 2,
    MOFC_VT_I4 = 3,
    MOFC_VT_R4 = 4,
    MOFC_VT_R8 = 5,
    MOFC_VT_BSTR = 8,
    MOFC_VT_BOOL = 11,
    MOFC_VT_OBJECT = 13,
    MOFC_VT_I1 = 16,
    MOFC_VT_UI1 = 17,
    MOFC_VT_UI2 = 18,
    MOFC_VT_UI4 = 19,
    MOFC_VT_I8 = 20,
    MOFC_VT_UI8 = 21,
    MOFC_VT_DATETIME = 101,
    MOFC_VT_REFERENCE = 102,
    MOFC_VT_CHAR16 = 103,
    MOFC_VT_ARRAY = 0x2000,
    MOFC_VT_BYREF = 0x4000,
};

#endif
