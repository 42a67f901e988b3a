/*
 * wmihdr_windows.h - a stand-in for the Windows types that a header from
 * `mofc wmi-header` names, so the tests can compile it with gcc and clang.
 *
 * The layout is the Windows one (LLP64, MSVC): LONG and ULONG are 32 bits,
 * WCHAR 16, and 64-bit integers and doubles are 8-aligned inside structs on
 * 32-bit x86 too (gcc's i386 ABI would give them 4).  A WMI data block is
 * laid out that way on the wire.
 */
#ifndef WMIHDR_WINDOWS_H
#define WMIHDR_WINDOWS_H

#include <stddef.h>

typedef unsigned char UCHAR, *PUCHAR;
typedef unsigned char BOOLEAN, *PBOOLEAN;
typedef char CHAR, *PCHAR;
typedef unsigned short USHORT, *PUSHORT;
typedef short SHORT;
typedef unsigned short WCHAR, *PWCHAR;
typedef unsigned int ULONG, *PULONG;
typedef int LONG, *PLONG;
typedef unsigned long long ULONGLONG __attribute__((aligned(8)));
typedef long long LONGLONG __attribute__((aligned(8)));
typedef float FLOAT;
typedef double DOUBLE __attribute__((aligned(8)));
typedef void *PVOID;
typedef LONG NTSTATUS;

#define TRUE 1
#define FALSE 0

typedef struct _GUID {
    ULONG Data1;
    USHORT Data2;
    USHORT Data3;
    UCHAR Data4[8];
} GUID;
typedef const GUID *LPCGUID;

/* <initguid.h> turns DEFINE_GUID into a definition. */
#ifdef INITGUID
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8)                            \
    const GUID name = {l, w1, w2, {b1, b2, b3, b4, b5, b6, b7, b8}}
#else
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8) extern const GUID name
#endif

#define FIELD_OFFSET(type, field) ((LONG)offsetof(type, field))
#define UFIELD_OFFSET(type, field) ((ULONG)offsetof(type, field))

#endif
