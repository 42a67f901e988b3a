/*
 * valuemap.c - ValueMap/Values and BitMap/BitValues, parsed once per
 * element into entries back ends can use directly.
 *
 * Integer maps accept every MOF integer form in their strings ("0x8000",
 * "010", "101b") and the range forms "a..b", "..b", "a.." and "..".  Open
 * bounds are resolved here from the neighbouring entries (or the type's
 * limits), so a lookup is a plain range test.  ".." claims whatever no
 * other entry does, and is tried last.
 */
#include <stdlib.h>
#include <string.h>

#include "sema/sema.h"

struct bound {
    bool neg;
    uint64_t mag;
};

/* Compare two integers given as sign + magnitude. */
static int cmp_bound(struct bound a, struct bound b)
{
    if (a.neg != b.neg)
        return (a.mag == 0 && b.mag == 0) ? 0 : a.neg ? -1 : 1;
    if (a.mag == b.mag)
        return 0;
    return ((a.mag < b.mag) != a.neg) ? -1 : 1;
}

static struct bound type_min(enum mofc_type t)
{
    switch (t) {
    case MOFC_TYPE_SINT8: return (struct bound){true, 128};
    case MOFC_TYPE_SINT16: return (struct bound){true, 32768};
    case MOFC_TYPE_SINT32: return (struct bound){true, 2147483648u};
    case MOFC_TYPE_SINT64: return (struct bound){true, (uint64_t)INT64_MAX + 1};
    default: return (struct bound){false, 0};
    }
}

static struct bound type_max(enum mofc_type t)
{
    switch (t) {
    case MOFC_TYPE_UINT8: return (struct bound){false, UINT8_MAX};
    case MOFC_TYPE_SINT8: return (struct bound){false, INT8_MAX};
    case MOFC_TYPE_UINT16: return (struct bound){false, UINT16_MAX};
    case MOFC_TYPE_SINT16: return (struct bound){false, INT16_MAX};
    case MOFC_TYPE_UINT32: return (struct bound){false, UINT32_MAX};
    case MOFC_TYPE_SINT32: return (struct bound){false, INT32_MAX};
    case MOFC_TYPE_SINT64: return (struct bound){false, INT64_MAX};
    default: return (struct bound){false, UINT64_MAX};
    }
}

static struct bound step(struct bound b, int delta)
{
    if (delta > 0) {
        if (b.neg) {
            b.mag--;
            if (b.mag == 0)
                b.neg = false;
        } else {
            b.mag++;
        }
    } else {
        if (b.neg || b.mag == 0) {
            b.neg = true;
            b.mag++;
        } else {
            b.mag--;
        }
    }
    return b;
}

static void store(struct mofc_valuemap_entry *e, struct bound lo, struct bound hi, bool sgn)
{
    if (sgn) {
        e->lo.s = lo.neg ? (int64_t)(0 - lo.mag) : (int64_t)lo.mag;
        e->hi.s = hi.neg ? (int64_t)(0 - hi.mag) : (int64_t)hi.mag;
    } else {
        e->lo.u = lo.mag;
        e->hi.u = hi.mag;
    }
}

/* One bound of a range entry; false if not an integer of the type. */
static bool parse_bound(const char *p, size_t n, enum mofc_type t, struct bound *out)
{
    uint64_t mag;
    bool neg;
    if (!sema_parse_int_text(p, n, &mag, &neg) || !sema_int_fits(t, mag, neg))
        return false;
    out->mag = mag;
    out->neg = neg && mag != 0;
    return true;
}

/* An entry that cannot be read: an error in DMTF MOF, a warning in WMI. */
static void report(struct sema *s, const struct loc *at, const char *id, const char *what,
                   const char *map, const char *entry, const char *problem)
{
    if (s->wmi)
        diag_warning(s->m, MOFC_W_VALUEMAP, at, id, "%s: %s entry \"%s\" %s", what, map, entry,
                     problem);
    else
        diag_error(s->m, at, id, "%s: %s entry \"%s\" %s", what, map, entry, problem);
}

const struct mofc_valuemap *sema_valuemap(struct sema *s, const struct mofc_qualifier_list *q,
                                          enum mofc_type type, bool bits, const struct loc *at,
                                          const char *what)
{
    const struct mofc_qualifier *qm = sema_qual_get(q, bits ? s->n_bitmap : s->n_valuemap);
    const struct mofc_qualifier *qv = sema_qual_get(q, bits ? s->n_bitvalues : s->n_values);
    if (qm && (qm->value.is_null || !qm->value.is_array))
        qm = NULL;
    if (qv && (qv->value.is_null || !qv->value.is_array))
        qv = NULL;
    if (!qm && !qv)
        return NULL;
    const char *mapname = bits ? "BitMap" : "ValueMap";
    const char *valname = bits ? "BitValues" : "Values";
    bool is_int = mofc_type_is_integer(type);
    bool is_string = type == MOFC_TYPE_STRING;
    if (!is_int && !is_string && !bits) {
        diag_warning(s->m, MOFC_W_VALUEMAP, at, "valuemap-type",
                     "%s on %s, which is %s: only integer and string elements have value maps",
                     mapname, what, mofc_type_name(type));
        return NULL;
    }
    if (bits && !is_int) {
        diag_warning(s->m, MOFC_W_VALUEMAP, at, "valuemap-type",
                     "%s on %s, which is %s: bit maps need an integer element", mapname, what,
                     mofc_type_name(type));
        return NULL;
    }
    size_t nm = qm ? qm->value.count : 0, nv = qv ? qv->value.count : 0;
    if (qm && qv && nm != nv) {
        if (s->wmi)
            diag_warning(s->m, MOFC_W_VALUEMAP, at, "valuemap-count",
                         "%s has %zu %s %s but %zu %s %s", what, nm, mapname,
                         nm == 1 ? "entry" : "entries", nv, valname, nv == 1 ? "entry" : "entries");
        else
            diag_error(s->m, at, "valuemap-count", "%s has %zu %s %s but %zu %s %s", what, nm,
                       mapname, nm == 1 ? "entry" : "entries", nv, valname,
                       nv == 1 ? "entry" : "entries");
    }
    size_t n = qm ? nm : nv;
    struct mofc_valuemap *vm = ARENA_NEW(s->a, struct mofc_valuemap);
    struct mofc_valuemap_entry *es = ARENA_ARRAY(s->a, struct mofc_valuemap_entry, n + 1);
    vm->valuemap = qm;
    vm->values = qv;
    vm->type = type;
    vm->is_string = is_string && !bits;
    vm->count = n;
    vm->entries = es;
    bool sgn = mofc_type_is_signed(type);
    struct bound tmin = type_min(type), tmax = type_max(type);
    unsigned width = type == MOFC_TYPE_UINT8 || type == MOFC_TYPE_SINT8     ? 8
                     : type == MOFC_TYPE_UINT16 || type == MOFC_TYPE_SINT16 ? 16
                     : type == MOFC_TYPE_UINT32 || type == MOFC_TYPE_SINT32 ? 32
                                                                            : 64;
    /* Per entry: the parsed bounds (open ends resolved in a second pass). */
    struct bound *lo = xcalloc(n + 1, sizeof *lo), *hi = xcalloc(n + 1, sizeof *hi);
    bool *valid = xcalloc(n + 1, sizeof *valid);
    size_t nopen = 0;
    /* BitMap entries written in hex are usually masks meant as such. */
    size_t nhex = 0;
    const char *hex_example = NULL;
    uint64_t hex_bit = 0;

    for (size_t i = 0; i < n; i++) {
        struct mofc_valuemap_entry *e = &es[i];
        e->name = i < nv && !qv->value.elements[i].is_null ? qv->value.elements[i].v.string.text
                                                           : NULL;
        if (!qm) {
            /* Values alone: entry i is the value i. */
            e->kind = MOFC_VM_VALUE;
            lo[i] = hi[i] = (struct bound){false, i};
            valid[i] = sema_int_fits(type, i, false) || !is_int;
            if (is_int)
                store(e, lo[i], hi[i], sgn);
            continue;
        }
        const struct mofc_value *mv = &qm->value.elements[i];
        const char *t = mv->is_null ? "" : mv->v.string.text;
        size_t tl = mv->is_null ? 0 : mv->v.string.len;
        e->raw = t;
        if (vm->is_string) {
            e->kind = MOFC_VM_STRING;
            for (size_t k = 0; k < i; k++) {
                if (strcmp(es[k].raw, t) == 0) {
                    diag_warning(s->m, MOFC_W_VALUEMAP, at, "valuemap-duplicate",
                                 "%s: %s entry \"%s\" appears twice", what, mapname, t);
                    break;
                }
            }
            continue;
        }
        if (bits) {
            struct bound b;
            if (!parse_bound(t, tl, MOFC_TYPE_UINT32, &b) || b.neg || b.mag >= width) {
                report(s, at, "bitmap-entry", what, mapname, t,
                       arena_printf(s->a, "is not a bit position 0..%u of %s", width - 1,
                                    mofc_type_name(type)));
                continue;
            }
            if (tl > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X')) {
                nhex++;
                if (!hex_example && b.mag > 1) {
                    hex_example = t;
                    hex_bit = b.mag;
                }
            }
            e->kind = MOFC_VM_VALUE;
            lo[i] = hi[i] = b;
            valid[i] = true;
            store(e, b, b, false);
            continue;
        }
        const char *dots = NULL;
        for (size_t k = 0; k + 1 < tl; k++) {
            if (t[k] == '.' && t[k + 1] == '.') {
                dots = t + k;
                break;
            }
        }
        if (!dots) {
            struct bound b;
            if (!parse_bound(t, tl, type, &b)) {
                report(s, at, "valuemap-entry", what, mapname, t,
                       arena_printf(s->a, "is not an integer of type %s", mofc_type_name(type)));
                continue;
            }
            e->kind = MOFC_VM_VALUE;
            lo[i] = hi[i] = b;
            valid[i] = true;
            continue;
        }
        size_t ll = (size_t)(dots - t), rl = tl - ll - 2;
        const char *rs = dots + 2;
        bool okl = ll == 0 || parse_bound(t, ll, type, &lo[i]);
        bool okr = rl == 0 || parse_bound(rs, rl, type, &hi[i]);
        if (!okl || !okr) {
            report(s, at, "valuemap-entry", what, mapname, t,
                   arena_printf(s->a, "has a bound that is not an integer of type %s",
                                mofc_type_name(type)));
            continue;
        }
        if (ll == 0 && rl == 0) {
            e->kind = MOFC_VM_UNCLAIMED;
            lo[i] = tmin;
            hi[i] = tmax;
            nopen++;
        } else if (ll == 0) {
            e->kind = MOFC_VM_RANGE_LOW;
        } else if (rl == 0) {
            e->kind = MOFC_VM_RANGE_HIGH;
        } else {
            e->kind = MOFC_VM_RANGE;
            if (cmp_bound(lo[i], hi[i]) > 0) {
                report(s, at, "valuemap-range", what, mapname, t,
                       "is an empty range (its start is above its end)");
                continue;
            }
        }
        valid[i] = true;
    }

    if (is_int) {
        /* Resolve open ends from neighbours: "..b" starts after the entry
         * before it, "a.." ends before the entry after it.  Several ".."
         * entries (the CIM schema writes {"..", "0x1000", "..", "0x8000.."}
         * for "DMTF Reserved" and "Method Reserved") each mean the gap
         * between their neighbours; a single ".." claims everything left. */
        for (size_t i = 0; i < n; i++) {
            if (nopen > 1 && valid[i] && es[i].kind == MOFC_VM_UNCLAIMED) {
                for (size_t k = i; k-- > 0;) {
                    if (valid[k] && es[k].kind != MOFC_VM_UNCLAIMED) {
                        lo[i] = step(hi[k], +1);
                        break;
                    }
                }
                for (size_t k = i + 1; k < n; k++) {
                    if (valid[k] && es[k].kind != MOFC_VM_UNCLAIMED &&
                        es[k].kind != MOFC_VM_RANGE_LOW) {
                        hi[i] = step(lo[k], -1);
                        break;
                    }
                }
            }
        }
        for (size_t i = 0; i < n; i++) {
            if (!valid[i]) {
                es[i].lo.u = 1;   /* an empty range: never matches */
                es[i].hi.u = 0;
                continue;
            }
            if (es[i].kind == MOFC_VM_RANGE_LOW) {
                lo[i] = tmin;
                for (size_t k = i; k-- > 0;) {
                    if (valid[k] && es[k].kind != MOFC_VM_UNCLAIMED) {
                        lo[i] = step(hi[k], +1);
                        break;
                    }
                }
            } else if (es[i].kind == MOFC_VM_RANGE_HIGH) {
                hi[i] = tmax;
                for (size_t k = i + 1; k < n; k++) {
                    if (valid[k] && es[k].kind != MOFC_VM_UNCLAIMED &&
                        es[k].kind != MOFC_VM_RANGE_LOW) {
                        hi[i] = step(lo[k], -1);
                        break;
                    }
                }
            }
            store(&es[i], lo[i], hi[i], sgn);
        }
        /* Duplicates and overlaps among the claimed ranges. */
        for (size_t i = 0; i < n; i++) {
            if (!valid[i] || es[i].kind == MOFC_VM_UNCLAIMED)
                continue;
            for (size_t k = 0; k < i; k++) {
                if (!valid[k] || es[k].kind == MOFC_VM_UNCLAIMED)
                    continue;
                if (cmp_bound(lo[i], hi[k]) <= 0 && cmp_bound(lo[k], hi[i]) <= 0) {
                    const char *a = es[k].raw ? es[k].raw : "?", *b = es[i].raw ? es[i].raw : "?";
                    if (es[i].kind == MOFC_VM_VALUE && es[k].kind == MOFC_VM_VALUE)
                        diag_warning(s->m, MOFC_W_VALUEMAP, at, "valuemap-duplicate",
                                     "%s: %s value %s appears twice (\"%s\" and \"%s\")", what,
                                     mapname, b, a, b);
                    else
                        diag_warning(s->m, MOFC_W_VALUEMAP, at, "valuemap-overlap",
                                     "%s: %s entries \"%s\" and \"%s\" overlap", what, mapname,
                                     a, b);
                    break;
                }
            }
        }
    }
    if (bits && nhex >= 2 && hex_example) {
        unsigned long long bit = hex_bit;
        diag_warning(s->m, MOFC_W_VALUEMAP, at, "bitmap-hex",
                     "%s: %s entries are written in hex, like masks; %s holds bit positions, so "
                     "\"%s\" is bit %llu (mask 0x%llX), not the mask 0x%llX",
                     what, mapname, mapname, hex_example, bit, 1ULL << bit, bit);
    }
    free(lo);
    free(hi);
    free(valid);
    return vm;
}

static bool in_entry(const struct mofc_valuemap *vm, const struct mofc_valuemap_entry *e,
                     uint64_t v)
{
    if (mofc_type_is_signed(vm->type))
        return (int64_t)v >= e->lo.s && (int64_t)v <= e->hi.s;
    return v >= e->lo.u && v <= e->hi.u;
}

const struct mofc_valuemap_entry *mofc_valuemap_lookup_int(const struct mofc_valuemap *vm,
                                                           uint64_t value)
{
    if (!vm || vm->is_string)
        return NULL;
    const struct mofc_valuemap_entry *open = NULL;
    for (size_t i = 0; i < vm->count; i++) {
        const struct mofc_valuemap_entry *e = &vm->entries[i];
        if (e->kind == MOFC_VM_UNCLAIMED) {
            if (!open && in_entry(vm, e, value))
                open = e;
            continue;
        }
        if (e->kind != MOFC_VM_STRING && in_entry(vm, e, value))
            return e;
    }
    return open;
}

const struct mofc_valuemap_entry *mofc_valuemap_lookup_string(const struct mofc_valuemap *vm,
                                                              const char *value)
{
    if (!vm || !vm->is_string)
        return NULL;
    for (size_t i = 0; i < vm->count; i++)
        if (vm->entries[i].raw && strcmp(vm->entries[i].raw, value) == 0)
            return &vm->entries[i];
    for (size_t i = 0; i < vm->count; i++)
        if (vm->entries[i].raw && mofc_name_cmp(vm->entries[i].raw, value) == 0)
            return &vm->entries[i];
    return NULL;
}
