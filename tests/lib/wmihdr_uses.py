#!/usr/bin/env python3
"""wmihdr_uses.py - what a driver's sources use of a generated WMI header.

usage: wmihdr_uses.py HEADER.h CHECK.c MOF SOURCE...

The names a driver takes from the header are found from the MOF: every
identifier of the sources that is a class name, HeaderName, GuidName or
WmiMethodId method of the MOF, or one of those followed by "_..." or
"Guid", with or without the "P" of a pointer typedef.  Each of them that the
sources do not #define themselves must be defined by the header; the
missing ones are printed and the exit status is 1.

CHECK.c is written for the compiler: it includes the stand-in Windows
types and the header, repeats the sources' own #defines of such names (so a
clash with the header shows), and holds one declaration per use, each
marked with its file and line:
  a size, data id or method id macro     an integer constant of its value
  a GUID initializer macro               a GUID initialised with it
  a DEFINE_GUID name                     its address as a const GUID *
  a typedef name                         its sizeof
  a member access (p->M, ((PX)b)->M, getter(o)->M, v.M, with the type
                   from the declaration, cast or context getter)  the member
Compiling it with -Werror type-checks those uses against the header.
"""
import os
import re
import sys


def strip_code(text):
    """Comments and string/char literals blanked, newlines kept."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('//', i):
            while i < n and text[i] != '\n':
                i += 1
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:j]))
            i = j
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == '\\' else 1
            out.append(c + ' ' * (min(j, n) - i - 1) + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def header_names(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        text = strip_code(f.read()).replace('\\\n', ' ')
    macros = {}
    for m in re.finditer(r'^\s*#\s*define\s+(\w+)(.*)$', text, re.M):
        macros[m.group(1)] = m.group(2).strip()
    guids = set(re.findall(r'DEFINE_GUID\s*\(\s*(\w+)', text))
    types = {}   # typedef name -> (struct name, is pointer)
    for m in re.finditer(r'\}\s*(\w+)\s*,\s*\*\s*(\w+)\s*;', text):
        types[m.group(1)] = (m.group(1), False)
        types[m.group(2)] = (m.group(1), True)
    tags = set(re.findall(r'typedef\s+struct\s+(\w+)', text))
    return macros, guids, types, tags


def mof_prefixes(paths):
    prefixes = set()
    for path in paths:
        with open(path, 'rb') as f:
            raw = f.read()
        text = raw.decode('utf-16') if raw[:2] in (b'\xff\xfe', b'\xfe\xff') else \
            raw.decode('utf-8', 'replace')
        prefixes.update(re.findall(r'\bclass\s+(\w+)', text, re.I))
        for q in ('HeaderName', 'GuidName1', 'GuidName2'):
            prefixes.update(re.findall(q + r'\s*\(\s*"(\w+)"', text, re.I))
        for m in re.finditer(r'WmiMethodId\s*\(\s*\d+\s*\)[^\]]*\]\s*\w+\s+(\w+)\s*\(', text,
                             re.I):
            prefixes.add(m.group(1))
    return prefixes


def from_header(ident, prefixes):
    base = ident
    for cand in (ident, ident[1:] if ident.startswith('P') else None):
        if not cand:
            continue
        for p in prefixes:
            if cand == p or cand.startswith(p + '_') or cand == p + 'Guid':
                return True
    return False


def main(argv):
    if len(argv) < 5:
        sys.stderr.write(__doc__)
        return 2
    header, check, mof = argv[1], argv[2], argv[3]
    sources = argv[4:]
    macros, guids, types, tags = header_names(header)
    defined = set(macros) | guids | set(types) | tags
    prefixes = mof_prefixes([mof])

    own_defines = []       # (file, line, text) of the sources' #defines of header-like names
    source_defined = set()
    uses = []              # (kind, name, member, file, line)
    missing = []
    texts = []
    for src in sources:
        with open(src, encoding='utf-8', errors='replace') as f:
            texts.append((os.path.basename(src), strip_code(f.read()).split('\n')))
    # The sources' own #defines first: a header of the driver may define a
    # name that a .c file before it on the command line uses.
    for short, lines in texts:
        for no, line in enumerate(lines, 1):
            m = re.match(r'\s*#\s*define\s+(\w+)(.*)$', line)
            if m and from_header(m.group(1), prefixes):
                source_defined.add(m.group(1))
                own_defines.append((short, no, '#define %s%s' % (m.group(1), m.group(2))))
    for short, lines in texts:
        # Variables and getters typed by a header struct.
        var_type = {}
        getters = {}
        for no, line in enumerate(lines, 1):
            if re.match(r'\s*#', line):
                continue
            for m in re.finditer(r'WDF_DECLARE_CONTEXT_TYPE_WITH_NAME\s*\(\s*(\w+)\s*,\s*(\w+)',
                                 line):
                if m.group(1) in types:
                    getters[m.group(2)] = types[m.group(1)][0]
            for m in re.finditer(r'\b(\w+)\s*(\*?)\s*(\w+)\s*(?=[;=,)\[])', line):
                t, star, var = m.group(1), m.group(2), m.group(3)
                if t in types and var not in types:
                    var_type[var] = (types[t][0], types[t][1] or bool(star))
            for m in re.finditer(r'\b[A-Za-z_]\w*\b', line):
                ident = m.group(0)
                if not from_header(ident, prefixes):
                    continue
                if ident not in defined and ident not in source_defined:
                    missing.append('%s:%d: %s' % (short, no, ident))
                    continue
                uses.append(('name', ident, None, short, no))
            for m in re.finditer(r'\(\s*\(\s*(\w+)\s*(\*?)\s*\)\s*\w+\s*\)\s*->\s*(\w+)', line):
                if m.group(1) in types:
                    uses.append(('member', types[m.group(1)][0], m.group(3), short, no))
            for m in re.finditer(r'\b(\w+)\s*\([^()]*\)\s*->\s*(\w+)', line):
                if m.group(1) in getters:
                    uses.append(('member', getters[m.group(1)], m.group(2), short, no))
            for m in re.finditer(r'\b(\w+)\s*(->|\.)\s*(\w+)', line):
                v = var_type.get(m.group(1))
                if v and (m.group(2) == '->') == v[1]:
                    uses.append(('member', v[0], m.group(3), short, no))

    out = ['/* Uses of %s by %s, for the compiler. */' % (os.path.basename(header),
                                                           ', '.join(map(os.path.basename,
                                                                         sources))),
           '#include "wmihdr_windows.h"',
           '#include "%s"' % os.path.basename(header), '']
    for short, no, text in own_defines:
        out.append('%s /* %s:%d */' % (text, short, no))
    seen = set()
    n = 0
    for kind, name, member, short, no in uses:
        key = (kind, name, member)
        if key in seen:
            continue
        seen.add(key)
        n += 1
        where = '/* %s:%d */' % (short, no)
        if kind == 'member':
            out.append('size_t use_%d = sizeof(((%s *)0)->%s); %s' % (n, name, member, where))
        elif name in guids:
            out.append('const GUID *use_%d = &%s; %s' % (n, name, where))
        elif name in types or name in tags:
            if name in tags and name not in types:
                out.append('size_t use_%d = sizeof(struct %s); %s' % (n, name, where))
            else:
                out.append('size_t use_%d = sizeof(%s); %s' % (n, name, where))
        elif name in source_defined and name not in macros:
            out.append('size_t use_%d = (size_t)(%s); %s' % (n, name, where))
        elif macros.get(name, '').startswith('{'):
            out.append('GUID use_%d = %s; %s' % (n, name, where))
        else:
            out.append('enum { use_%d = (int)(%s) }; %s' % (n, name, where))
    with open(check, 'w') as f:
        f.write('\n'.join(out) + '\n')
    print('%d uses of the header (%d names, %d members), %d own #defines' % (
        n, sum(1 for k in seen if k[0] == 'name'), sum(1 for k in seen if k[0] == 'member'),
        len(own_defines)))
    for line in missing:
        print('not defined by the header: ' + line)
    return 1 if missing or not n else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
