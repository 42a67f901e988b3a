/*
 * Stand-in for the WDK header iscsidsc.h, which common.mof of the iSCSI
 * driver sample includes and the corpus does not hold: the macros
 * common.mof uses, with values of mofc's tests (not the WDK's).  Like
 * the real header, it gives MOF text only when MOFCOMP_PASS is defined.
 */
#ifndef MOFCOMP_PASS
#error this stand-in is for the MOF pass only
#endif

#define MAX_ISCSI_NAME_LEN 223
#define MAX_ISCSI_TEXT_ADDRESS_LEN 256

#define ISCSI_SECURITY_FLAGS_CPPQUOTE "// (security flag definitions)\n"
#define ISCSI_DIGEST_CPPQUOTE "// (digest type definitions)\n"
#define ISCSI_DIGEST_TYPE_NONE "0"
#define ISCSI_DIGEST_TYPE_CRC32C "1"

#define ISCSI_LOGIN_OPTIONS_INFO_SPECIFIED uint32
#define ISCSI_LOGIN_OPTIONS_INFO_QUALIFIERS \
    BitMap{"0", "1"}, BitValues{"Header digest", "Data digest"}
#define ISCSI_LOGIN_OPTIONS_INFO_CPPQUOTE "// (login option bits)\n"

#define ISCSI_LOGIN_FLAGS uint32
#define ISCSI_LOGIN_FLAGS_QUALIFIERS BitMap{"0"}, BitValues{"Require IPsec"}
#define ISCSI_LOGIN_FLAGS_CPPQUOTE "// (login flag bits)\n"

#define ISCSI_AUTH_TYPES uint32
#define ISCSI_AUTH_TYPES_QUALIFIERS ValueMap{"0", "1"}, Values{"None", "CHAP"}
