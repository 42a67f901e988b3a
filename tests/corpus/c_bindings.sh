#!/bin/bash
# C bindings of real schemas: the whole DMTF CIM Schema 2.32.0, the WMI
# driver MOFs, the PowerShell DSC resources and OpenLMI generate and compile
# warning-free (gcc and clang as C99 with -pedantic, g++ as C++); and a
# program linked with all of CIM checks every descriptor and every value
# map table against the lookups (ranges, hex, "..", string maps), and
# (with json-c) writes every class and every method parameter struct, as
# _init() leaves it, to CIM-XML and through JSON and back.
. "$MOFC_TESTLIB/common.sh"
need_corpus
cim=$MOFC_CORPUS/microsoft+omi/Unix/share/omischema/CIM_Schema.mof

# unity DIR: one translation unit including every .c of DIR (cim_json.c
# only with json-c).
json_c=$(pkg-config --exists json-c 2>/dev/null && echo 1)
unity() {
    (cd "$1" && ls -- *.c) | { [[ $json_c ]] && cat || grep -vx cim_json.c; } |
        sed "s|.*|#include \"$1/&\"|" >"$1.unity.c"
}

run_mofc c --dialect=dmtf -Wno-key -o cim "$cim"
expect_status 0
expect_stderr_empty
n=$(cd cim && ls -- *.c | grep -vc '^cim_')   # classes; cim_*.c are the serializers
((n > 1400)) || fail "only $n classes generated for the CIM schema"
unity cim
compile_strict cim_obj cim.unity.c -- -c -I.

# Every class descriptor, for the invariants program.
{
    echo '#include "cim/cim_classes.h"'
    echo 'const cim_class *const all_classes[] = {'
    (cd cim && ls -- *.c) | grep -v '^cim_' | sed 's/\.c$/_class,/; s/^/    \&/'
    echo '};'
    echo 'const size_t all_count = sizeof all_classes / sizeof *all_classes;'
} >classes.c
cat >invariants.c <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cim/cim_classes.h"

extern const cim_class *const all_classes[];
extern const size_t all_count;
static int bad;
#define CHECK(c, what, name)                                                   \
    do {                                                                       \
        if (!(c) && bad++ < 20)                                                \
            printf("%s: %s\n", name, what);                                    \
    } while (0)

static void check_enum(const cim_enum *e, size_t *ranges)
{
    for (size_t k = 0; k < e->nby_value; k++) {
        const cim_enum_entry *x = &e->entries[e->by_value[k]];
        if (e->kind == CIM_ENUM_STRING) {
            CHECK(cim_enum_find_wire(e, x->wire) == x, "wire lookup", e->name);
            continue;
        }
        CHECK(cim_enum_find_value(e, x->lo) == x, "lookup of lo", e->name);
        CHECK(cim_enum_find_value(e, x->hi) == x, "lookup of hi", e->name);
        if (x->lo != x->hi)
            ++*ranges;
        if (k) {
            const cim_enum_entry *p = &e->entries[e->by_value[k - 1]];
            CHECK(cim_enum_less_(e, p->hi, x->lo), "ranges overlap or unsorted", e->name);
        }
    }
    for (size_t k = 0; k < e->count; k++) {
        const cim_enum_entry *x = &e->entries[k];
        const cim_enum_entry *f = cim_enum_find_name(e, x->name);
        CHECK(f && f <= x && cim_fold_cmp_(f->name, x->name) == 0, "name lookup", e->name);
    }
    if (e->rest)
        ++*ranges;
}

static size_t nserialized;

/* An initialised instance (MOF defaults) as CIM-XML; and through JSON and
 * back to the same JSON. */
static void round_trip(const cim_class *c, void *x)
{
#ifdef WITH_JSON
    cim_error err;
    char *xml = cim_to_cimxml(c, x, &err);
    CHECK(xml || c->flags & CIM_CLASS_PARAMETERS, err.message, c->name);
    free(xml);
    char *json = cim_to_json(c, x, 0, &err);
    CHECK(json, err.message, c->name);
    if (!json)
        return;
    void *y = calloc(1, c->size);
    bool read = cim_from_json(c, y, json, &err);
    CHECK(read, err.message, c->name);
    char *again = read ? cim_to_json(c, y, 0, &err) : NULL;
    CHECK(!read || (again && strcmp(json, again) == 0), "JSON round trip", c->name);
    if (read)
        cim_release(c, y);
    free(again);
    free(json);
    free(y);
    nserialized++;
#else
    (void)c;
    (void)x;
#endif
}

int main(void)
{
    size_t nprops = 0, nenums = 0, nranges = 0, nparams = 0;
    for (size_t i = 0; i < all_count; i++) {
        const cim_class *c = all_classes[i];
        const cim_class *s = c->superclass;
        if (s) {
            CHECK(s->nproperties <= c->nproperties, "fewer properties than superclass", c->name);
            for (size_t k = 0; k < s->nproperties && k < c->nproperties; k++)
                CHECK(cim_fold_cmp_(s->properties[k]->name, c->properties[k]->name) == 0 &&
                      s->properties[k]->offset == c->properties[k]->offset,
                      "layout is not the superclass's prefix", c->name);
        }
        bool needs_key = false;
        for (size_t k = 0; k < c->nproperties; k++) {
            const cim_property *p = c->properties[k];
            nprops++;
            CHECK(cim_class_find_property(c, p->name) == p, "property lookup", c->name);
            CHECK(p->offset < c->size, "offset outside the struct", c->name);
            needs_key |= (p->flags & (CIM_FLAG_KEY | CIM_FLAG_REQUIRED)) != 0;
            if (p->values) {
                nenums++;
                check_enum(p->values, &nranges);
            }
            if (p->bits)
                check_enum(p->bits, &nranges);
        }
        for (size_t k = 0; k + 1 < c->nproperties; k++)
            CHECK(cim_fold_cmp_(c->properties[c->by_name[k]]->name,
                                c->properties[c->by_name[k + 1]]->name) < 0,
                  "by_name not sorted", c->name);
        void *x = calloc(1, c->size);
        c->init(x);
        CHECK(((const cim_object *)x)->descriptor_ == c, "init sets no descriptor", c->name);
        cim_violation why;
        CHECK(cim_validate(c, x, &why) == !needs_key, "validate of an empty instance", c->name);
        round_trip(c, x);
        free(x);
        for (size_t k = 0; k < c->nmethods; k++) {
            const cim_method *m = c->methods[k];
            CHECK(m->in && m->out && (m->in->flags & CIM_CLASS_PARAMETERS), "parameter structs",
                  c->name);
            if (!m->in || !m->out)
                continue;
            nparams += m->in->nproperties + m->out->nproperties;
            CHECK(m->out->nproperties > 0 || m->return_type == CIM_VOID, "no ReturnValue", c->name);
            for (int io = 0; io < 2; io++) {
                const cim_class *pc = io ? m->out : m->in;
                void *p = calloc(1, pc->size);
                pc->init(p);
                CHECK(((const cim_object *)p)->descriptor_ == pc, "parameter init", pc->name);
                round_trip(pc, p);
                free(p);
            }
        }
    }
    printf("%zu classes, %zu properties, %zu value-map uses, %zu ranges\n", all_count, nprops, nenums,
           nranges);
    printf("%zu parameters, %zu serialized\n", nparams, nserialized);
    return bad != 0;
}
C
gcc -std=c99 -O0 -I. ${json_c:+-DWITH_JSON} -o invariants invariants.c classes.c cim.unity.c \
    ${json_c:+-ljson-c} || fail "the invariants program does not build"
./invariants >invariants.out || { cat invariants.out; fail "descriptor invariants"; }
{ read -r classes _ props _ maps _ _ ranges _; read -r params _ serialized _; } <invariants.out
((classes == n && props > 10000 && maps > 1000 && ranges > 100 && params > 1000)) ||
    fail "suspicious coverage: $(cat invariants.out)"
[[ -z $json_c ]] || ((serialized > n)) || fail "too few serialized: $(cat invariants.out)"

# The other corpora: generate and compile.
gen_and_compile() { # name mofc-args...
    local name=$1
    shift
    run_mofc c -o "$name" "$@"
    expect_status 0
    unity "$name"
    compile_strict "$name.obj" "$name.unity.c" -- -c -I.
}
drivers=$MOFC_CORPUS/microsoft+Windows-driver-samples
i=0
for f in wmi/wmisamp/wmisamp.mof wmi/wmiacpi/acpimof.mof general/pcidrv/kmdf/PCIDRV.mof \
         general/toaster/toastDrv/kmdf/func/featured/toaster.mof hid/firefly/driver/firefly.mof \
         storage/msdsm/src/dsmtrace.mof storage/iscsi/src/iscsiprf.mof \
         network/ndis/extension/samples/forward/MSForwardExtPolicy.mof; do
    gen_and_compile wmi$((i++)) --dialect=wmi --with wmi -Wno-key "$drivers/$f"
done
i=0
while IFS= read -r f; do
    gen_and_compile dsc$((i++)) --with dsc "$f"
done < <(find "$MOFC_CORPUS/PowerShell+PSDscResources" "$MOFC_CORPUS/dsccommunity+ComputerManagementDsc" \
              -name '*.schema.mof' | sort | head -n 40)
((i > 10)) || fail "only $i DSC schemas found"
lmi=$MOFC_CORPUS/eurolinux-enterprise-linux-sources+openlmi-providers/src/mof
gen_and_compile lmi -Wno-key "$cim" "$lmi/05_LMI_Qualifiers.mof" "$lmi/30_LMI_Jobs.mof" \
    "$lmi/60_LMI_SSSD.mof" "$lmi/60_LMI_Service.mof" "$lmi/50_LMI_LogicalFile.mof"
grep -q 'LMI_SSSDComponent_DebugLevel_decode' lmi/LMI_SSSDComponent.h || fail "BitMap not decoded"
exit 0
