/* Stand-in for the WDK header iscsierr.h (status codes): common.mof uses
 * none of its macros. */
