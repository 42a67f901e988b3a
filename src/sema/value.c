/*
 * value.c - literals to typed values: integer ranges per type, reals,
 * char16, strings, datetimes, references, arrays.
 *
 * Integer literals arrive as sign + 64-bit magnitude, so both uint64 max
 * and sint64 min convert exactly; a range check against the target type
 * is the only way a number becomes a value.  Aliases and embedded
 * instances are left to the instance phase, which alone knows them.
 */
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sema/sema.h"

struct int_range {
    uint64_t max_pos;   /* largest magnitude allowed when positive */
    uint64_t max_neg;   /* largest magnitude allowed when negative */
    const char *text;
};

static struct int_range int_range(enum mofc_type t)
{
    switch (t) {
    case MOFC_TYPE_UINT8: return (struct int_range){UINT8_MAX, 0, "0..255"};
    case MOFC_TYPE_SINT8: return (struct int_range){INT8_MAX, 128, "-128..127"};
    case MOFC_TYPE_UINT16: return (struct int_range){UINT16_MAX, 0, "0..65535"};
    case MOFC_TYPE_SINT16: return (struct int_range){INT16_MAX, 32768, "-32768..32767"};
    case MOFC_TYPE_UINT32: return (struct int_range){UINT32_MAX, 0, "0..4294967295"};
    case MOFC_TYPE_SINT32:
        return (struct int_range){INT32_MAX, 2147483648u, "-2147483648..2147483647"};
    case MOFC_TYPE_UINT64: return (struct int_range){UINT64_MAX, 0, "0..18446744073709551615"};
    default:
        return (struct int_range){INT64_MAX, (uint64_t)INT64_MAX + 1,
                                  "-9223372036854775808..9223372036854775807"};
    }
}

bool sema_int_fits(enum mofc_type t, uint64_t mag, bool neg)
{
    struct int_range r = int_range(t);
    return neg ? (mag == 0 || mag <= r.max_neg) : mag <= r.max_pos;
}

static int digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
        return (c | 0x20) - 'a' + 10;
    return 99;
}

bool sema_parse_int_text(const char *text, size_t len, uint64_t *mag, bool *neg)
{
    const char *p = text, *end = text + len;
    *neg = false;
    *mag = 0;
    if (p < end && (*p == '+' || *p == '-'))
        *neg = *p++ == '-';
    if (p == end)
        return false;
    int base = 10;
    if (end - p > 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        base = 16;
        p += 2;
    } else if (end - p > 1 && (end[-1] == 'b' || end[-1] == 'B')) {
        base = 2;
        end--;
    } else if (end - p > 1 && p[0] == '0') {
        base = 8;
        p++;
    }
    if (p == end)
        return false;
    uint64_t v = 0;
    for (; p < end; p++) {
        int d = digit(*p);
        if (d >= base)
            return false;
        if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
            return false;
        v = v * (uint64_t)base + (uint64_t)d;
    }
    *mag = v;
    return true;
}

const char *sema_value_text(struct sema *s, const struct ast_value *v)
{
    switch (v->kind) {
    case AV_NULL: return "NULL";
    case AV_BOOL: return v->u.boolean ? "TRUE" : "FALSE";
    case AV_INT:
        return arena_printf(s->a, "%s%llu", v->u.integer.neg ? "-" : "",
                            (unsigned long long)v->u.integer.mag);
    case AV_REAL: return arena_printf(s->a, "%g", v->u.real);
    case AV_STRING:
        if (v->u.string.len > 40)
            return arena_printf(s->a, "\"%.37s...\"", v->u.string.text);
        return arena_printf(s->a, "\"%s\"", v->u.string.text);
    case AV_CHAR: return arena_printf(s->a, "char16 U+%04X", (unsigned)v->u.ch);
    case AV_ALIAS: return arena_printf(s->a, "$%s", v->u.alias->text);
    case AV_ARRAY: return "an array";
    case AV_INSTANCE: return "an embedded instance";
    }
    return "?";
}

static const char *kind_text(const struct ast_value *v)
{
    switch (v->kind) {
    case AV_NULL: return "NULL";
    case AV_BOOL: return "a boolean";
    case AV_INT: return "an integer";
    case AV_REAL: return "a real number";
    case AV_STRING: return "a string";
    case AV_CHAR: return "a char16 literal";
    case AV_ALIAS: return "an alias";
    case AV_ARRAY: return "an array";
    case AV_INSTANCE: return "an embedded instance";
    }
    return "?";
}

/* ---- datetime ---- */

/* n digits or n asterisks at p; -1 for asterisks, -2 if neither. */
static int32_t field(const char *p, int n)
{
    bool stars = true, digits = true;
    int32_t v = 0;
    for (int i = 0; i < n; i++) {
        stars &= p[i] == '*';
        digits &= p[i] >= '0' && p[i] <= '9';
        if (digits)
            v = v * 10 + (p[i] - '0');
    }
    return digits ? v : stars ? -1 : -2;
}

bool sema_parse_datetime(const char *text, size_t len, struct mofc_datetime *out,
                         const char **why)
{
    memset(out, 0, sizeof *out);
    out->text = text;
    if (len != 25) {
        *why = "a datetime has exactly 25 characters";
        return false;
    }
    if (text[14] != '.') {
        *why = "character 15 must be '.'";
        return false;
    }
    char sign = text[21];
    if (sign != '+' && sign != '-' && sign != ':') {
        *why = "character 22 must be '+' or '-' (timestamp) or ':' (interval)";
        return false;
    }
    /* Microseconds: digits, possibly ending in asterisks. */
    int32_t us = 0;
    bool star = false;
    for (int i = 15; i < 21; i++) {
        if (text[i] == '*') {
            star = true;
        } else if (text[i] >= '0' && text[i] <= '9' && !star) {
            us = us * 10 + (text[i] - '0');
        } else {
            *why = "bad microseconds field";
            return false;
        }
    }
    out->microsecond = star ? -1 : us;
    if (sign == ':') {
        out->is_interval = true;
        out->day = field(text, 8);
        out->hour = field(text + 8, 2);
        out->minute = field(text + 10, 2);
        out->second = field(text + 12, 2);
        if (memcmp(text + 22, "000", 3) != 0) {
            *why = "an interval ends in ':000'";
            return false;
        }
        out->utc_offset = 0;
    } else {
        out->year = field(text, 4);
        out->month = field(text + 4, 2);
        out->day = field(text + 6, 2);
        out->hour = field(text + 8, 2);
        out->minute = field(text + 10, 2);
        out->second = field(text + 12, 2);
        int32_t off = field(text + 22, 3);
        if (off == -2) {
            *why = "bad UTC offset (three digits of minutes)";
            return false;
        }
        out->utc_offset = off == -1 ? INT32_MIN : (sign == '-' ? -off : off);
        if (out->year == -2) {
            *why = "bad year field";
            return false;
        }
        if (out->month == -2 || (out->month >= 0 && (out->month < 1 || out->month > 12))) {
            *why = "month out of range 01..12";
            return false;
        }
        if (out->day == -2 || (out->day >= 0 && (out->day < 1 || out->day > 31))) {
            *why = "day out of range 01..31";
            return false;
        }
    }
    if (out->is_interval && out->day == -2) {
        *why = "bad days field";
        return false;
    }
    if (out->hour == -2 || out->hour > 23) {
        *why = "hour out of range 00..23";
        return false;
    }
    if (out->minute == -2 || out->minute > 59) {
        *why = "minute out of range 00..59";
        return false;
    }
    if (out->second == -2 || out->second > 59) {
        *why = "second out of range 00..59";
        return false;
    }
    return true;
}

/* ---- conversion ---- */

static bool type_error(struct sema *s, const struct ast_value *v, enum mofc_type t,
                       const char *what)
{
    diag_error(s->m, &v->loc, "value-type", "%s is %s, but %s was written (%s)", what,
               mofc_type_name(t), kind_text(v), sema_value_text(s, v));
    return false;
}

static bool convert_scalar(struct sema *s, const struct ast_value *v, enum mofc_type t,
                           const char *what, struct mofc_value *out)
{
    out->type = t;
    if (v->kind == AV_NULL) {
        out->is_null = true;
        return true;
    }
    switch (t) {
    case MOFC_TYPE_BOOLEAN:
        if (v->kind != AV_BOOL)
            return type_error(s, v, t, what);
        out->v.boolean = v->u.boolean;
        return true;
    case MOFC_TYPE_UINT8:
    case MOFC_TYPE_SINT8:
    case MOFC_TYPE_UINT16:
    case MOFC_TYPE_SINT16:
    case MOFC_TYPE_UINT32:
    case MOFC_TYPE_SINT32:
    case MOFC_TYPE_UINT64:
    case MOFC_TYPE_SINT64: {
        if (v->kind != AV_INT)
            return type_error(s, v, t, what);
        const struct ast_int *n = &v->u.integer;
        if (n->overflow)
            return false;  /* the scanner reported it */
        if (!sema_int_fits(t, n->mag, n->neg)) {
            diag_error(s->m, &v->loc, "value-range",
                       "value %s%llu is out of range for %s (%s) in %s", n->neg ? "-" : "",
                       (unsigned long long)n->mag, mofc_type_name(t), int_range(t).text, what);
            return false;
        }
        if (mofc_type_is_signed(t))
            out->v.s = n->neg ? (int64_t)(0 - n->mag) : (int64_t)n->mag;
        else
            out->v.u = n->mag;
        return true;
    }
    case MOFC_TYPE_REAL32:
    case MOFC_TYPE_REAL64: {
        double d;
        if (v->kind == AV_REAL)
            d = v->u.real;
        else if (v->kind == AV_INT)
            d = v->u.integer.neg ? -(double)v->u.integer.mag : (double)v->u.integer.mag;
        else
            return type_error(s, v, t, what);
        if (t == MOFC_TYPE_REAL32) {
            if (d > FLT_MAX || d < -FLT_MAX) {
                diag_error(s->m, &v->loc, "value-range",
                           "value %g is out of range for real32 in %s", d, what);
                return false;
            }
            d = (double)(float)d;
        }
        out->v.real = d;
        return true;
    }
    case MOFC_TYPE_CHAR16:
        if (v->kind == AV_CHAR) {
            out->v.char16 = (uint16_t)v->u.ch;
            return true;
        }
        if (v->kind == AV_INT && s->wmi) {
            if (v->u.integer.neg || v->u.integer.mag > 0xFFFF) {
                diag_error(s->m, &v->loc, "value-range",
                           "value is out of range for char16 (0..65535) in %s", what);
                return false;
            }
            out->v.char16 = (uint16_t)v->u.integer.mag;
            return true;
        }
        if (v->kind == AV_STRING && s->wmi) {
            /* One character written as a string: WMI tools accept it. */
            const unsigned char *p = (const unsigned char *)v->u.string.text;
            size_t n = v->u.string.len;
            uint32_t cp = n ? p[0] : 0;
            size_t used = !n ? 0 : cp < 0x80 ? 1 : cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;
            if (used && used == n && used <= 3) {
                cp = used == 1 ? cp : cp & (0x7F >> used);
                for (size_t i = 1; i < used; i++)
                    cp = (cp << 6) | (p[i] & 0x3F);
                diag_warning(s->m, MOFC_W_SYNTAX, &v->loc, "char16-as-string",
                             "%s is char16; write the character as '%s'", what,
                             v->u.string.text);
                out->v.char16 = (uint16_t)cp;
                return true;
            }
        }
        return type_error(s, v, t, what);
    case MOFC_TYPE_STRING:
        if (v->kind == AV_INT && s->wmi && !v->u.integer.overflow) {
            /* mofcomp stores an integer written for a string as its decimal
             * text (wmicore.mof: Values {0, 1, 2, 3}). */
            const char *text = arena_printf(s->a, "%s%llu", v->u.integer.neg ? "-" : "",
                                            (unsigned long long)v->u.integer.mag);
            diag_warning(s->m, MOFC_W_SYNTAX, &v->loc, "int-as-string",
                         "%s is string; write the integer as \"%s\"", what, text);
            out->v.string.text = text;
            out->v.string.len = strlen(text);
            return true;
        }
        if (v->kind != AV_STRING)
            return type_error(s, v, t, what);
        out->v.string = v->u.string;
        return true;
    case MOFC_TYPE_DATETIME: {
        if (v->kind != AV_STRING)
            return type_error(s, v, t, what);
        const char *why = NULL;
        struct mofc_datetime *dt = ARENA_NEW(s->a, struct mofc_datetime);
        if (!sema_parse_datetime(v->u.string.text, v->u.string.len, dt, &why)) {
            diag_error(s->m, &v->loc, "bad-datetime", "\"%s\" is not a valid datetime for %s: %s",
                       v->u.string.text, what, why);
            return false;
        }
        out->v.datetime = dt;
        return true;
    }
    case MOFC_TYPE_REFERENCE:
        if (v->kind == AV_ALIAS)
            return true;  /* completed by the instance phase */
        if (v->kind != AV_STRING)
            return type_error(s, v, t, what);
        if (!memchr(v->u.string.text, '.', v->u.string.len) &&
            !memchr(v->u.string.text, '=', v->u.string.len) &&
            !memchr(v->u.string.text, ':', v->u.string.len))
            diag_warning(s->m, MOFC_W_INSTANCE, &v->loc, "bad-object-path",
                         "\"%s\" does not look like an object path (Class.Key=\"value\") for %s",
                         v->u.string.text, what);
        out->v.ref.path = v->u.string;
        return true;
    case MOFC_TYPE_OBJECT:
        if (v->kind == AV_ALIAS || v->kind == AV_INSTANCE)
            return true;  /* completed by the instance phase */
        if (v->kind == AV_STRING) {
            out->type = MOFC_TYPE_STRING;
            out->v.string = v->u.string;
            return true;
        }
        return type_error(s, v, t, what);
    case MOFC_TYPE_NONE:
        return type_error(s, v, t, what);
    }
    return type_error(s, v, t, what);
}

bool sema_convert_value(struct sema *s, const struct ast_value *v, enum mofc_type type,
                        bool is_array, const char *what, struct mofc_value *out)
{
    memset(out, 0, sizeof *out);
    out->type = type;
    out->is_array = is_array;
    if (v->kind == AV_NULL) {
        out->is_null = true;
        return true;
    }
    if (!is_array) {
        if (v->kind == AV_ARRAY) {
            diag_error(s->m, &v->loc, "array-for-scalar",
                       "%s is a single %s, not an array", what, mofc_type_name(type));
            out->is_null = true;
            return false;
        }
        if (!convert_scalar(s, v, type, what, out)) {
            memset(out, 0, sizeof *out);
            out->type = type;
            out->is_null = true;
            return false;
        }
        return true;
    }
    if (v->kind != AV_ARRAY) {
        if (!s->wmi) {
            diag_error(s->m, &v->loc, "scalar-for-array",
                       "%s is an array; write the value as { %s }", what,
                       sema_value_text(s, v));
            out->is_null = true;
            return false;
        }
        diag_warning(s->m, MOFC_W_SYNTAX, &v->loc, "scalar-for-array",
                     "%s is an array; the single value becomes a one-element array", what);
        struct mofc_value *el = ARENA_NEW(s->a, struct mofc_value);
        if (!convert_scalar(s, v, type, what, el)) {
            out->is_null = true;
            return false;
        }
        out->count = 1;
        out->elements = el;
        return true;
    }
    struct mofc_value *els = ARENA_ARRAY(s->a, struct mofc_value, v->u.array.count + 1);
    bool ok = true;
    size_t i = 0;
    for (const struct ast_value *e = v->u.array.head; e; e = e->next, i++) {
        if (e->kind == AV_ARRAY) {
            diag_error(s->m, &e->loc, "nested-array", "arrays cannot nest (%s)", what);
            ok = false;
            continue;
        }
        ok &= convert_scalar(s, e, type, what, &els[i]);
    }
    out->count = i;
    out->elements = els;
    return ok;
}
