/* amend.h - locale amendments merged onto the neutral classes (amend.c). */
#ifndef MOFC_AMEND_H
#define MOFC_AMEND_H

struct mofc;

/* Takes every amendment class out of the syntax tree and merges those of
 * the requested locale onto their neutral classes. */
void amend_merge(struct mofc *m);

#endif
