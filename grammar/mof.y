/*
 * mof.y - the MOF grammar (DSP0004 v2 with the WMI extensions).
 *
 * Actions only build AST nodes; every lookup and cross-declaration check
 * happens later in sema, so file order never matters here.  Keywords are
 * contextual: `name` accepts most of them, so a property may be called
 * `Value` or `Scope`.  MOF v3 declarations (structure, enumeration,
 * `value of`, the association keyword) are parsed far enough to refuse
 * them with a precise message instead of a generic syntax error.
 */
%require "3.7"
%define api.pure full
%define api.prefix {mof_yy}
%define api.token.prefix {TOK_}
%define api.value.type union
%define api.location.type {struct loc}
%define parse.error custom
%define parse.lac full
%locations
%expect 0

%param {void *scanner}
%parse-param {struct parse_state *ps}

%code requires {
#include "ast.h"
#include "parse.h"
}

%code provides {
int mof_yylex(MOF_YYSTYPE *lval, struct loc *lloc, void *scanner);
#define YY_DECL int mof_yylex(MOF_YYSTYPE *yylval_param, struct loc *yylloc_param, \
                              void *yyscanner)
}

%code {
#include <stdlib.h>
#include <string.h>

#include "context.h"
#include "diag/diag.h"

#define YYLLOC_DEFAULT(Cur, Rhs, N) do { \
        if (N) { \
            (Cur).file = YYRHSLOC(Rhs, 1).file; \
            (Cur).off = YYRHSLOC(Rhs, 1).off; \
            if (YYRHSLOC(Rhs, N).file == (Cur).file && \
                YYRHSLOC(Rhs, N).off >= (Cur).off) \
                (Cur).len = YYRHSLOC(Rhs, N).off + YYRHSLOC(Rhs, N).len - (Cur).off; \
            else \
                (Cur).len = YYRHSLOC(Rhs, 1).len; \
        } else { \
            (Cur).file = YYRHSLOC(Rhs, 0).file; \
            (Cur).off = YYRHSLOC(Rhs, 0).off + YYRHSLOC(Rhs, 0).len; \
            (Cur).len = 0; \
        } \
    } while (0)

#define A (&ps->m->arena)

static void mof_yyerror(struct loc *l, void *scanner, struct parse_state *ps, const char *msg)
{
    (void)scanner;
    diag_error(ps->m, l, "syntax-error", "%s", msg);
}

static struct ast_value *new_value(struct parse_state *ps, enum ast_value_kind k, struct loc l)
{
    struct ast_value *v = ARENA_NEW(A, struct ast_value);
    v->kind = k;
    v->loc = l;
    return v;
}

static struct ast_type make_type(enum mofc_type t, const struct name *cls, struct loc l)
{
    struct ast_type ty = {t, cls, l};
    return ty;
}

static void refuse_v3(struct parse_state *ps, struct loc l, const char *what, const char *hint)
{
    diag_error(ps->m, &l, "mof-v3-unsupported",
               "MOF v3 %s declarations are not supported (mofc reads DSP0004 v2 MOF)%s%s",
               what, hint ? "; " : "", hint ? hint : "");
}
}

%token <const struct name *> IDENT "identifier"
%token <const struct name *> ALIAS "alias"
%token <struct ast_int> INTEGER "integer"
%token <double> REAL "real number"
%token <struct mofc_string> STRING "string"
%token <uint32_t> CHAR "char16 literal"
%token <enum mofc_type> DATATYPE "data type"
%token <unsigned> FLAVOR "flavor"
%token <const struct name *>
    CLASS "class" INSTANCE "instance" OF "of" QUALIFIER "qualifier" SCOPE "scope"
    FLAVOR_KW "flavor keyword" AS "as" REF "ref" ANY "any" ASSOCIATION "association"
    INDICATION "indication" PROPERTY "property" REFERENCE "reference" METHOD "method"
    PARAMETER "parameter" SCHEMA "schema" TRUE "true" FALSE "false" NULL "null"
    OBJECT "object" VOID "void" PRAGMA "#pragma" STRUCTURE "structure"
    ENUMERATION "enumeration" VALUE "value"
%token
    LBRACE "{" RBRACE "}" LBRACKET "[" RBRACKET "]" LPAREN "(" RPAREN ")"
    SEMI ";" COMMA "," COLON ":" EQUALS "="
%token LEXERROR "invalid token"

/* After a type or a name, '[' opens an array bracket, never the qualifier
 * list of a next declaration whose ';' went missing. */
%precedence NO_ARRAY
%precedence "["

%type <const struct name *> name soft_keyword alias_opt super_opt
%type <struct ast_qualifier *> qualifier_list_opt qualifier_list qualifiers qualifier
%type <struct ast_value *> qualifier_param_opt value constant value_list value_list_opt
%type <struct ast_value *> default_opt pragma_args pragma_arg_list pragma_arg
%type <struct ast_value *> embedded_instance
%type <unsigned> flavor_list flavor_clause_list flavor_suffix_opt scope_list scope_kind
%type <unsigned> flavor_clause_opt
%type <struct ast_type> type_spec
%type <struct ast_array_spec> array_opt
%type <struct ast_feature *> features feature feature_body features_end
%type <struct ast_param *> params_opt params param
%type <struct ast_prop_value *> prop_values_opt prop_value
%type <struct ast_instance *> instance_body instance_def
%type <struct ast_class *> class_def

%%

mof:
    %empty
  | mof production
  ;

production:
    class_decl
  | instance_decl
  | qualifier_decl
  | flavor_default
  | pragma
  | v3_decl
  /* No yyerrok: the three-token rule keeps the rest of a broken
   * statement from being reported again. */
  | error ";"
  | error "}" ";"
  /* Text no declaration can start with is skipped up to the next ';',
   * '};' or declaration keyword ('[' may open a property's qualifiers
   * inside a broken class, so it is not one). */
  | error resync_decl
  ;

resync_decl:
    class_def           { AST_APPEND(ps->unit, classes, $class_def); }
  | instance_def        { AST_APPEND(ps->unit, instances, $instance_def); }
  | qualifier_decl
  | flavor_default
  | pragma
  ;

/* The ';' that ends a declaration.  When it is missing and what follows
 * starts the next declaration (LAC has checked that before this empty
 * reduction runs), the mistake is reported right after the text it
 * should follow and parsing simply goes on: the next declaration is read
 * as written, and its own errors are still reported. */
end_semi:
    ";"
  | %empty {
        diag_error(ps->m, &@$, "missing-semicolon", "expected ';'");
    }
  ;

/* ---- pragmas (include is handled by the scanner) ---- */

pragma:
    "#pragma" name pragma_args {
        struct ast_pragma *p = ARENA_NEW(A, struct ast_pragma);
        p->name = $name;
        p->loc = @name;
        p->args = $pragma_args;
        for (struct ast_value *v = $pragma_args; v; v = v->next)
            p->nargs++;
        p->ns = ps->ns;
        p->origin = ps->origin;
        AST_APPEND(ps->unit, pragmas, p);
        /* namespace and locale apply to what follows, textually. */
        if (p->nargs >= 1 && p->args->kind == AV_STRING) {
            if (fold_cmp(p->name->text, "namespace") == 0)
                ps->ns = intern(&ps->m->names, p->args->u.string.text, p->args->u.string.len);
            else if (fold_cmp(p->name->text, "locale") == 0)
                ps->locale = p->args->u.string.text;
        }
    }
  ;

pragma_args:
    %empty                          { $$ = NULL; }
  | "(" pragma_arg_list ")"         { $$ = $pragma_arg_list; }
  ;

pragma_arg_list:
    pragma_arg                      { $$ = $pragma_arg; }
  | pragma_arg_list[l] "," pragma_arg {
        struct ast_value *t = $l;
        while (t->next)
            t = t->next;
        t->next = $pragma_arg;
        $$ = $l;
    }
  ;

pragma_arg:
    STRING {
        $$ = new_value(ps, AV_STRING, @STRING);
        $$->u.string = $STRING;
    }
  | name {
        $$ = new_value(ps, AV_STRING, @name);
        $$->u.string.text = $name->text;
        $$->u.string.len = $name->len;
    }
  ;

/* ---- qualifier declarations ---- */

qualifier_decl:
    "qualifier" name ":" DATATYPE array_opt default_opt "," "scope" "(" scope_list ")"
    flavor_clause_opt end_semi {
        struct ast_qualifier_decl *q = ARENA_NEW(A, struct ast_qualifier_decl);
        q->name = $name;
        q->loc = @name;
        q->type = make_type($DATATYPE, NULL, @DATATYPE);
        q->array = $array_opt;
        q->default_value = $default_opt;
        q->scopes = $scope_list;
        q->scope_loc = @scope_list;
        q->flavors = $flavor_clause_opt & 0xffffu;
        q->not_tosubclass = $flavor_clause_opt >> 16;
        q->has_flavor_clause = @flavor_clause_opt.len != 0;
        q->ns = ps->ns;
        q->origin = ps->origin;
        AST_APPEND(ps->unit, qualifier_decls, q);
    }
  | "qualifier" name ":" DATATYPE array_opt default_opt end_semi {
        struct ast_qualifier_decl *q = ARENA_NEW(A, struct ast_qualifier_decl);
        q->name = $name;
        q->loc = @name;
        q->type = make_type($DATATYPE, NULL, @DATATYPE);
        q->array = $array_opt;
        q->default_value = $default_opt;
        q->scope_loc = @name;
        q->ns = ps->ns;
        q->origin = ps->origin;
        AST_APPEND(ps->unit, qualifier_decls, q);
    }
  ;

scope_list:
    scope_kind                      { $$ = $scope_kind; }
  | scope_list[l] "," scope_kind    { $$ = $l | $scope_kind; }
  ;

scope_kind:
    "class"           { $$ = MOFC_SCOPE_CLASS; }
  | "association"     { $$ = MOFC_SCOPE_ASSOCIATION; }
  | "indication"      { $$ = MOFC_SCOPE_INDICATION; }
  | "property"        { $$ = MOFC_SCOPE_PROPERTY; }
  | "reference"       { $$ = MOFC_SCOPE_REFERENCE; }
  | "method"          { $$ = MOFC_SCOPE_METHOD; }
  | "parameter"       { $$ = MOFC_SCOPE_PARAMETER; }
  | "any"             { $$ = MOFC_SCOPE_ANY; }
  | "schema"          { $$ = 0; }   /* CIM 2.2 meta scopes: accepted, ignored */
  | "qualifier"       { $$ = 0; }
  ;

flavor_clause_opt:
    %empty                                  { $$ = 0; }
  | "," "flavor keyword" "(" flavor_clause_list ")"   { $$ = $flavor_clause_list; }
  ;

/* Flavors: low 16 bits are enum mofc_flavor; bit 16 records NotToSubclass.
 * Inside Flavor(...) they are comma-separated; after ':' at a use site,
 * space-separated. */
flavor_list:
    FLAVOR                          { $$ = $FLAVOR; }
  | flavor_list[l] FLAVOR           { $$ = $l | $FLAVOR; }
  ;

flavor_clause_list:
    FLAVOR                          { $$ = $FLAVOR; }
  | flavor_clause_list[l] "," FLAVOR { $$ = $l | $FLAVOR; }
  ;

/* WMI: `Qualifier Name : flavor ...;` sets default flavors for later uses. */
flavor_default:
    "qualifier" name ":" flavor_list end_semi {
        struct ast_flavor_default *f = ARENA_NEW(A, struct ast_flavor_default);
        f->name = $name;
        f->loc = @name;
        f->flavors = $flavor_list;
        AST_APPEND(ps->unit, flavor_defaults, f);
    }
  ;

/* ---- qualifier lists ---- */

qualifier_list_opt:
    %empty            { $$ = NULL; }
  | qualifier_list    { $$ = $qualifier_list; }
  ;

qualifier_list:
    "[" qualifiers "]"   { $$ = $qualifiers; }
  | "[" error "]"        { $$ = NULL; }
  ;

qualifiers:
    qualifier                       { $$ = $qualifier; }
  | qualifiers[l] "," qualifier {
        struct ast_qualifier *t = $l;
        while (t->next)
            t = t->next;
        t->next = $qualifier;
        $$ = $l;
    }
  ;

qualifier:
    name qualifier_param_opt flavor_suffix_opt {
        $$ = ARENA_NEW(A, struct ast_qualifier);
        $$->name = $name;
        $$->loc = @name;
        $$->value = $qualifier_param_opt;
        $$->braces = $qualifier_param_opt && $qualifier_param_opt->kind == AV_ARRAY;
        $$->flavors = $flavor_suffix_opt & 0xffffu;
        $$->not_tosubclass = $flavor_suffix_opt >> 16;
        $$->flavor_loc = @flavor_suffix_opt;
    }
  ;

qualifier_param_opt:
    %empty                          { $$ = NULL; }
  | "(" constant ")"                { $$ = $constant; }
  | "{" value_list_opt "}" {
        $$ = new_value(ps, AV_ARRAY, @$);
        $$->u.array.head = $value_list_opt;
        for (struct ast_value *v = $value_list_opt; v; v = v->next)
            $$->u.array.count++;
    }
  ;

flavor_suffix_opt:
    %empty                          { $$ = 0; }
  | ":" flavor_list                 { $$ = $flavor_list; }
  ;

/* ---- classes ---- */

class_decl:
    qualifier_list_opt class_def {
        $class_def->quals = $qualifier_list_opt;
        AST_APPEND(ps->unit, classes, $class_def);
    }
  ;

class_def:
    "class" name alias_opt super_opt "{" features features_end end_semi {
        struct ast_class *c = ARENA_NEW(A, struct ast_class);
        c->name = $name;
        c->loc = @name;
        c->decl_loc = @1;
        c->alias = $alias_opt;
        c->super = $super_opt;
        c->super_loc = @super_opt;
        c->features = $features;
        if ($features_end) {
            /* The body broke off before its brace: mark it incomplete. */
            struct ast_feature **t = &c->features;
            while (*t)
                t = &(*t)->next;
            *t = $features_end;
        }
        c->ns = ps->ns;
        c->locale = ps->locale;
        c->origin = ps->origin;
        c->end_loc = @features_end;
        $$ = c;
    }
  ;

/* The closing brace of a class body.  A broken last feature ends at the
 * brace too (not only at a ';'), so the class's own '};' is not taken
 * for the end of the broken line. */
features_end:
    "}"             { $$ = NULL; }
  | error "}" {
        $$ = ARENA_NEW(A, struct ast_feature);
        $$->kind = AF_ERROR;
        @$ = @2;
        yyerrok;
    }
  ;

alias_opt:
    %empty          { $$ = NULL; }
  | "as" ALIAS      { $$ = $ALIAS; }
  ;

super_opt:
    %empty          { $$ = NULL; }
  | ":" name        { $$ = $name; @$ = @name; }
  ;

features:
    %empty          { $$ = NULL; }
  | features[l] feature {
        if (!$l) {
            $$ = $feature;
        } else {
            struct ast_feature *t = $l;
            while (t->next)
                t = t->next;
            t->next = $feature;
            $$ = $l;
        }
    }
  ;

feature:
    qualifier_list_opt feature_body end_semi {
        $$ = $feature_body;
        if ($$)
            $$->quals = $qualifier_list_opt;
    }
  | error ";" {
        /* Keep a marker so sema knows the class body is incomplete and
         * stays quiet about what the broken line might have declared. */
        $$ = ARENA_NEW(A, struct ast_feature);
        $$->kind = AF_ERROR;
        yyerrok;
    }
  ;

feature_body:
    type_spec name array_opt default_opt {
        $$ = ARENA_NEW(A, struct ast_feature);
        $$->kind = AF_PROPERTY;
        $$->type = $type_spec;
        $$->name = $name;
        $$->loc = @name;
        $$->array = $array_opt;
        $$->default_value = $default_opt;
    }
  | type_spec name "(" params_opt ")" {
        $$ = ARENA_NEW(A, struct ast_feature);
        $$->kind = AF_METHOD;
        $$->type = $type_spec;
        $$->name = $name;
        $$->loc = @name;
        $$->params = $params_opt;
    }
  | type_spec "[" "]" name "(" params_opt ")" {
        $$ = ARENA_NEW(A, struct ast_feature);
        $$->kind = AF_METHOD;
        $$->type = $type_spec;
        $$->return_array = true;
        $$->name = $name;
        $$->loc = @name;
        $$->params = $params_opt;
    }
  | "void" name "(" params_opt ")" {
        $$ = ARENA_NEW(A, struct ast_feature);
        $$->kind = AF_METHOD;
        $$->type = make_type(MOFC_TYPE_NONE, NULL, @1);
        $$->name = $name;
        $$->loc = @name;
        $$->params = $params_opt;
    }
  ;

/* An intrinsic type, `object`, `C REF`, `object REF`, or a class name
 * (WMI embedded object; sema decides whether that is allowed). */
type_spec:
    DATATYPE            { $$ = make_type($DATATYPE, NULL, @$); }
  | "object"            { $$ = make_type(MOFC_TYPE_OBJECT, NULL, @$); }
  | name                { $$ = make_type(MOFC_TYPE_OBJECT, $name, @$); }
  | name "ref"          { $$ = make_type(MOFC_TYPE_REFERENCE, $name, @name); }
  | "object" "ref"      { $$ = make_type(MOFC_TYPE_REFERENCE, NULL, @1); }
  ;

array_opt:
    %empty %prec NO_ARRAY {
        memset(&$$, 0, sizeof $$);
    }
  | "[" "]" {
        memset(&$$, 0, sizeof $$);
        $$.is_array = true;
        $$.loc = @$;
    }
  | "[" INTEGER "]" {
        memset(&$$, 0, sizeof $$);
        $$.is_array = true;
        $$.has_size = true;
        $$.size = $INTEGER.neg || $INTEGER.overflow ? UINT64_MAX : $INTEGER.mag;
        $$.loc = @INTEGER;
    }
  ;

default_opt:
    %empty              { $$ = NULL; }
  | "=" value           { $$ = $value; }
  ;

params_opt:
    %empty              { $$ = NULL; }
  | params              { $$ = $params; }
  ;

params:
    param               { $$ = $param; }
  | params[l] "," param {
        struct ast_param *t = $l;
        while (t->next)
            t = t->next;
        t->next = $param;
        $$ = $l;
    }
  ;

param:
    qualifier_list_opt type_spec name array_opt default_opt {
        $$ = ARENA_NEW(A, struct ast_param);
        $$->quals = $qualifier_list_opt;
        $$->type = $type_spec;
        $$->name = $name;
        $$->loc = @name;
        $$->array = $array_opt;
        $$->default_value = $default_opt;
    }
  ;

/* ---- instances ---- */

instance_decl:
    qualifier_list_opt instance_def {
        $instance_def->quals = $qualifier_list_opt;
        AST_APPEND(ps->unit, instances, $instance_def);
    }
  ;

instance_def:
    instance_body end_semi          { $$ = $instance_body; }
  ;

instance_body:
    "instance" "of" name alias_opt "{" prop_values_opt prop_values_end {
        $$ = ARENA_NEW(A, struct ast_instance);
        $$->class_name = $name;
        $$->loc = @name;
        $$->alias = $alias_opt;
        $$->alias_loc = @alias_opt;
        $$->values = $prop_values_opt;
        $$->ns = ps->ns;
        $$->origin = ps->origin;
    }
  ;

/* As features_end, for an instance's property values. */
prop_values_end:
    "}"
  | error "}"           { yyerrok; }
  ;

prop_values_opt:
    %empty              { $$ = NULL; }
  | prop_values_opt[l] prop_value {
        if (!$l) {
            $$ = $prop_value;
        } else if (!$prop_value) {
            $$ = $l;
        } else {
            struct ast_prop_value *t = $l;
            while (t->next)
                t = t->next;
            t->next = $prop_value;
            $$ = $l;
        }
    }
  ;

prop_value:
    qualifier_list_opt name "=" value end_semi {
        $$ = ARENA_NEW(A, struct ast_prop_value);
        $$->quals = $qualifier_list_opt;
        $$->name = $name;
        $$->loc = @name;
        $$->value = $value;
    }
  | error ";"           { $$ = NULL; yyerrok; }
  ;

/* ---- values ---- */

value:
    constant                        { $$ = $constant; }
  | "{" value_list_opt "}" {
        $$ = new_value(ps, AV_ARRAY, @$);
        $$->u.array.head = $value_list_opt;
        for (struct ast_value *v = $value_list_opt; v; v = v->next)
            $$->u.array.count++;
    }
  ;

value_list_opt:
    %empty                          { $$ = NULL; }
  | value_list                      { $$ = $value_list; }
  ;

value_list:
    constant                        { $$ = $constant; }
  | value_list[l] "," constant {
        struct ast_value *t = $l;
        while (t->next)
            t = t->next;
        t->next = $constant;
        $$ = $l;
    }
  ;

constant:
    INTEGER     { $$ = new_value(ps, AV_INT, @$); $$->u.integer = $INTEGER; }
  | REAL        { $$ = new_value(ps, AV_REAL, @$); $$->u.real = $REAL; }
  | STRING      { $$ = new_value(ps, AV_STRING, @$); $$->u.string = $STRING; }
  | CHAR        { $$ = new_value(ps, AV_CHAR, @$); $$->u.ch = $CHAR; }
  | "true"      { $$ = new_value(ps, AV_BOOL, @$); $$->u.boolean = true; }
  | "false"     { $$ = new_value(ps, AV_BOOL, @$); $$->u.boolean = false; }
  | "null"      { $$ = new_value(ps, AV_NULL, @$); }
  | ALIAS       { $$ = new_value(ps, AV_ALIAS, @$); $$->u.alias = $ALIAS; }
  | embedded_instance   { $$ = $embedded_instance; }
  ;

embedded_instance:
    instance_body {
        $instance_body->embedded = true;
        $$ = new_value(ps, AV_INSTANCE, @$);
        $$->u.instance = $instance_body;
    }
  ;

/* ---- MOF v3: recognised, refused ---- */

v3_decl:
    qualifier_list_opt "structure" name super_opt "{" features "}" ";" {
        refuse_v3(ps, @2, "'structure'",
                  "declare it as a class with the Structure qualifier instead");
    }
  | qualifier_list_opt "enumeration" name ":" type_spec "{" enum_elems_opt "}" ";" {
        refuse_v3(ps, @2, "'enumeration'",
                  "use a property with ValueMap/Values qualifiers instead");
    }
  | qualifier_list_opt "association" name super_opt "{" features "}" ";" {
        refuse_v3(ps, @2, "'association'",
                  "write `[Association] class` in v2 MOF");
    }
  | "value" "of" name alias_opt "{" prop_values_opt "}" ";" {
        refuse_v3(ps, @1, "'value of' (structure value)", NULL);
    }
  ;

enum_elems_opt:
    %empty
  | enum_elems
  ;

enum_elems:
    enum_elem
  | enum_elems "," enum_elem
  ;

enum_elem:
    qualifier_list_opt name
  | qualifier_list_opt name "=" constant
  ;

/* ---- names: identifiers and the keywords that can't be confused ---- */

name:
    IDENT               { $$ = $IDENT; }
  | soft_keyword        { $$ = $soft_keyword; }
  ;

soft_keyword:
    "any" | "as" | "association" | "indication" | "property" | "reference" | "method"
  | "parameter" | "schema" | "scope" | "flavor keyword" | "qualifier" | "of"
  | "structure" | "enumeration" | "value" | "class" | "instance"
  ;

%%

/* Token names as users read them: punctuation and keywords quoted
 * ('{', 'class'), kinds of token not ("identifier", "string"). */
static void put_token(struct strbuf *sb, yysymbol_kind_t k)
{
    static const yysymbol_kind_t kinds[] = {
        YYSYMBOL_IDENT, YYSYMBOL_ALIAS, YYSYMBOL_INTEGER, YYSYMBOL_REAL, YYSYMBOL_STRING,
        YYSYMBOL_CHAR, YYSYMBOL_DATATYPE, YYSYMBOL_FLAVOR, YYSYMBOL_YYEOF, YYSYMBOL_LEXERROR,
        YYSYMBOL_FLAVOR_KW,
    };
    const char *s = yysymbol_name(k);
    size_t n = strlen(s);
    if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
        s++;
        n -= 2;
    }
    if (k == YYSYMBOL_FLAVOR_KW) {
        sb_puts(sb, "'flavor'");
        return;
    }
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        if (kinds[i] == k) {
            sb_printf(sb, "%.*s", (int)n, s);
            return;
        }
    }
    sb_printf(sb, "'%.*s'", (int)n, s);
}

/* True if `k` can continue a declaration that a ';' could end here: the
 * punctuation of array brackets, parameters, defaults, scopes and flavors.
 * '[' counts only right after a name or a type (an array bracket). */
static bool continues_declaration(struct parse_state *ps, const struct loc *l,
                                  yysymbol_kind_t k)
{
    switch (k) {
    case YYSYMBOL_SEMI:
    case YYSYMBOL_LPAREN:
    case YYSYMBOL_EQUALS:
    case YYSYMBOL_COMMA:
    case YYSYMBOL_FLAVOR:
        return true;
    case YYSYMBOL_LBRACKET: {
        if (l->file >= ps->m->files.len)
            return false;
        const char *t = ps->m->files.items[l->file]->text;
        uint32_t i = l->off;
        while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t' || t[i - 1] == '\r' ||
                         t[i - 1] == '\n'))
            i--;
        unsigned char c = i > 0 ? (unsigned char)t[i - 1] : 0;
        return c == '_' || c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' &&
                                                                    (c | 0x20) <= 'z');
    }
    default:
        return false;
    }
}

static int yyreport_syntax_error(const yypcontext_t *ctx, void *scanner, struct parse_state *ps)
{
    (void)scanner;
    yysymbol_kind_t expected[YYNTOKENS];
    int n = yypcontext_expected_tokens(ctx, expected, YYNTOKENS);
    yysymbol_kind_t got = yypcontext_token(ctx);
    const struct loc *l = yypcontext_location(ctx);
    struct strbuf sb = STRBUF_INIT;
    if (got == YYSYMBOL_LEXERROR || ps->quiet_next_syntax_error) {
        /* The scanner already reported what went wrong here. */
        ps->quiet_next_syntax_error = false;
        goto done;
    }
    if (got == YYSYMBOL_YYEOF) {
        sb_puts(&sb, "unexpected end of file");
    } else {
        sb_puts(&sb, "unexpected ");
        put_token(&sb, got);
    }
    /* Where a ';' may end the declaration, the tokens that could start the
     * next one are acceptable only as the missing-';' recovery: list what
     * continues this declaration instead. */
    bool semi = false;
    for (int i = 0; i < n; i++)
        semi |= expected[i] == YYSYMBOL_SEMI;
    if (semi) {
        int k = 0;
        for (int i = 0; i < n; i++)
            if (continues_declaration(ps, l, expected[i]))
                expected[k++] = expected[i];
        n = k;
    }
    bool value = false, name = false;
    for (int i = 0; i < n; i++) {
        value |= expected[i] == YYSYMBOL_STRING;
        name |= expected[i] == YYSYMBOL_IDENT;
    }
    if (value && n > 5) {
        sb_puts(&sb, ", expected a value");
    } else if (name && n > 5) {
        sb_puts(&sb, ", expected a name");
    } else if (n > 0 && n <= 5) {
        sb_puts(&sb, ", expected ");
        for (int i = 0; i < n; i++) {
            if (i)
                sb_puts(&sb, i == n - 1 ? " or " : ", ");
            put_token(&sb, expected[i]);
        }
    }
    diag_error(ps->m, l, "syntax-error", "%s", sb.data);
done:
    sb_free(&sb);
    return 0;
}
