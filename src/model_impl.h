/*
 * model_impl.h - the model as allocated: the public struct plus the
 * lookup indexes behind the mofc_model_find_* functions.
 */
#ifndef MOFC_MODEL_IMPL_H
#define MOFC_MODEL_IMPL_H

#include "mofc/model.h"

struct model_impl {
    struct mofc_model pub;                  /* first: the public pointer converts back */
    const struct mofc_class **by_name;      /* classes sorted by folded name */
};

#endif
