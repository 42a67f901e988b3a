#!/usr/bin/env python3
"""wmihdr_layout.py - check the structs of a WMI header against the wire layout.

usage: wmihdr_layout.py HEADER.h WORKDIR CC [CFLAGS...]

A WMI data block holds its items in WmiDataId order, each at its natural
alignment (the Windows sizes: BOOLEAN/UCHAR/CHAR 1, USHORT/SHORT/WCHAR 2,
ULONG/LONG/FLOAT 4, ULONGLONG/LONGLONG/DOUBLE 8; an embedded class aligned
as its strictest item), the block padded to its alignment.  This script
computes that layout from the member list of every struct of the header,
checks that the members' _ID defines rise in member order, then compiles
(with CC, -std=c99 -Wall -Wextra -pedantic -Werror and CFLAGS, against the
stand-in Windows types beside this script) and runs a program that prints
what the compiler made of it: sizeof and offsetof of every struct and
member, and the value of every _SIZE macro.  Both must agree: the struct
size, every offset, every member's _SIZE, and <S>_SIZE = the end of the
last member.  Prints a summary; exits 1 on any difference.
"""
import os
import re
import subprocess
import sys

BASIC = {
    'BOOLEAN': (1, 1), 'UCHAR': (1, 1), 'CHAR': (1, 1), 'char': (1, 1),
    'USHORT': (2, 2), 'SHORT': (2, 2), 'WCHAR': (2, 2),
    'ULONG': (4, 4), 'LONG': (4, 4), 'FLOAT': (4, 4),
    'ULONGLONG': (8, 8), 'LONGLONG': (8, 8), 'DOUBLE': (8, 8),
}


def parse(path):
    """[(name, [(type, member, dim, id_or_None, size_macro_or_None)], struct_size_macro)]"""
    with open(path, encoding='utf-8', errors='replace') as f:
        text = f.read()
    text = re.sub(r'//[^\n]*', '', text).replace('\\\n', ' ')
    structs = []
    current = None
    for line in text.split('\n'):
        line = line.strip()
        if re.match(r'typedef\s+struct\s+\w+$', line):
            current = []
            continue
        if current is None:
            m = re.match(r'#define\s+(\w+)_SIZE\s+\(FIELD_OFFSET\((\w+),', line)
            if m and structs and structs[-1][0] == m.group(2):
                structs[-1] = (structs[-1][0], structs[-1][1], m.group(1) + '_SIZE')
            continue
        m = re.match(r'\}\s*(\w+)\s*,', line)
        if m:
            structs.append((m.group(1), current, None))
            current = None
            continue
        m = re.match(r'(\w+)\s+(\w+)\s*(?:\[(\d+)\])?\s*;$', line)
        if m:
            current.append([m.group(1), m.group(2), int(m.group(3)) if m.group(3) else 0,
                            None, None])
            continue
        m = re.match(r'#define\s+(\w+_ID)\s+(\d+)$', line)
        if m and current:
            current[-1][3] = int(m.group(2))
            continue
        m = re.match(r'#define\s+(\w+_SIZE)\s+sizeof', line)
        if m and current:
            current[-1][4] = m.group(1)
    return structs


def expected_layout(structs):
    known = dict(BASIC)
    layouts = {}
    errors = []
    for name, members, _ in structs:
        off, align, rows = 0, 1, []
        for typ, member, dim, _, _ in members:
            if typ not in known:
                errors.append('%s.%s: type %s is neither basic nor an earlier struct' %
                              (name, member, typ))
                break
            size, a = known[typ]
            off = (off + a - 1) // a * a
            total = size * (dim or 1)
            rows.append((member, off, total))
            off += total
            align = max(align, a)
        size = (off + align - 1) // align * align
        known[name] = (size, align)
        layouts[name] = (size, rows)
    return layouts, errors


def main(argv):
    if len(argv) < 4:
        sys.stderr.write(__doc__)
        return 2
    header, work, cc, cflags = argv[1], argv[2], argv[3], argv[4:]
    structs = parse(header)
    if not structs:
        print('no structs in ' + header)
        return 1
    layouts, errors = expected_layout(structs)
    for name, members, _ in structs:
        ids = [m[3] for m in members if m[3] is not None]
        if ids != sorted(ids) or len(set(ids)) != len(ids):
            errors.append('%s: _ID defines not rising in member order: %s' % (name, ids))
    prog = ['#include <stdio.h>', '#include "wmihdr_windows.h"',
            '#include "%s"' % os.path.basename(header), '', 'int main(void)', '{']
    for name, members, size_macro in structs:
        prog.append('    printf("%s %%zu\\n", sizeof(%s));' % (name, name))
        for typ, member, dim, _, macro in members:
            prog.append('    printf("%s.%s %%zu\\n", offsetof(%s, %s));' % (name, member, name,
                                                                             member))
            if macro:
                prog.append('    printf("%s %%zu\\n", (size_t)(%s));' % (macro, macro))
        if size_macro:
            prog.append('    printf("%s %%zu\\n", (size_t)(%s));' % (size_macro, size_macro))
    prog += ['    return 0;', '}', '']
    src = os.path.join(work, 'layout_check.c')
    exe = os.path.join(work, 'layout_check')
    with open(src, 'w') as f:
        f.write('\n'.join(prog))
    here = os.path.dirname(os.path.abspath(__file__))
    cmd = [cc, '-std=c99', '-Wall', '-Wextra', '-pedantic', '-Werror'] + cflags + [
        '-I' + here, '-I' + os.path.dirname(os.path.abspath(header)), '-o', exe, src]
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True)
    if r.returncode:
        print(' '.join(cmd) + ' failed:\n' + r.stdout[-3000:])
        return 1
    run = subprocess.run([exe], stdout=subprocess.PIPE, universal_newlines=True)
    got = dict(line.rsplit(' ', 1) for line in run.stdout.split('\n') if line)
    checked = 0
    for name, members, size_macro in structs:
        size, rows = layouts.get(name, (None, []))
        if size is None:
            continue
        want = {name: size}
        for (member, off, total), m in zip(rows, members):
            want['%s.%s' % (name, member)] = off
            if m[4]:
                want[m[4]] = total
        if size_macro and rows:
            want[size_macro] = rows[-1][1] + rows[-1][2]
        for k, v in want.items():
            checked += 1
            if got.get(k) != str(v):
                errors.append('%s: compiler %s, wire layout %d' % (k, got.get(k), v))
    for e in errors:
        print(e)
    print('%s %s: %d structs, %d sizes and offsets checked, %d differences' % (
        cc, ' '.join(cflags), len(structs), checked, len(errors)))
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
