{{{banner}}}
#ifndef CIM_CLASSES_H
#define CIM_CLASSES_H

#include "cim_runtime.h"
{{#classes}}
#include "{{name}}.h"
{{/classes}}

#endif /* CIM_CLASSES_H */
