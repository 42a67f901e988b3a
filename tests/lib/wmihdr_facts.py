#!/usr/bin/env python3
"""wmihdr_facts.py - compare two WMI driver headers by meaning.

usage: wmihdr_facts.py REFERENCE.h CANDIDATE.h [MIN_PERCENT]

A header's facts are what a driver compiles against, with comments and
spacing ignored:
  define NAME        the replacement text of every #define (whitespace collapsed)
  guid NAME          the 16 bytes of every DEFINE_GUID
  struct NAME        the member list of every typedef struct: "TYPE NAME[DIM]"
                     in order, and the typedef names (NAME, *PNAME)
The score is the share of the reference's facts that the candidate has with
the same value.  Prints the score and every fact that differs or is missing;
exits 1 if the score is below MIN_PERCENT (default 99).
"""
import re
import sys


def strip_comments(text):
    out = []
    i, n = 0, len(text)
    while i < n:
        if text.startswith('//', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            i = n if j < 0 else j + 2
            out.append(' ')
        else:
            out.append(text[i])
            i += 1
    return ''.join(out)


def logical_lines(text):
    return strip_comments(text).replace('\\\n', ' ').split('\n')


def norm(s):
    return ' '.join(s.split())


def guid_bytes(args):
    parts = [p.strip() for p in args.split(',')]
    sizes = [4, 2, 2] + [1] * 8
    if len(parts) != 11:
        return 'unparsed:' + norm(args)
    out = []
    for p, size in zip(parts, sizes):
        try:
            out.append('%0*x' % (size * 2, int(p, 0)))
        except ValueError:
            return 'unparsed:' + norm(args)
    return '-'.join(out)


def facts(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        lines = logical_lines(f.read())
    found = {}
    body = None      # member lines of the struct being read
    struct_tag = None
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        m = re.match(r'#\s*define\s+([A-Za-z_]\w*)(.*)$', line)
        if m:
            found['define ' + m.group(1)] = norm(m.group(2))
            continue
        if line.startswith('#'):
            continue
        m = re.match(r'DEFINE_GUID\s*\(\s*([A-Za-z_]\w*)\s*,(.*)\)\s*;?$', line)
        if m:
            found['guid ' + m.group(1)] = guid_bytes(m.group(2))
            continue
        m = re.match(r'typedef\s+struct\s+(\w+)\s*(\{)?$', line)
        if m:
            struct_tag = m.group(1)
            body = []
            continue
        if body is None:
            continue
        if line == '{':
            continue
        m = re.match(r'\}\s*([^;]*);$', line)
        if m:
            names = [norm(x) for x in m.group(1).split(',')]
            key = names[0] if names and names[0] else struct_tag
            found['struct ' + key] = 'tag=%s; names=%s; members=%s' % (
                struct_tag, ', '.join(names), ' | '.join(body))
            body = None
            continue
        body.append(norm(line.rstrip(';')))
    return found


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    ref = facts(argv[1])
    got = facts(argv[2])
    minimum = float(argv[3]) if len(argv) > 3 else 99.0
    equal = [k for k in ref if got.get(k) == ref[k]]
    score = 100.0 * len(equal) / len(ref) if ref else 0.0
    kinds = {}
    for k in ref:
        kind = k.split(' ', 1)[0]
        e, t = kinds.get(kind, (0, 0))
        kinds[kind] = (e + (got.get(k) == ref[k]), t + 1)
    for k in sorted(ref):
        if got.get(k) != ref[k]:
            print('differs: %s\n    reference: %s\n    candidate: %s' %
                  (k, ref[k], got.get(k, '(missing)')))
    extra = sorted(set(got) - set(ref))
    print('facts: %d of %d equal (%.2f %%); %s; %d more facts in the candidate' % (
        len(equal), len(ref), score,
        ', '.join('%s %d/%d' % (k, e, t) for k, (e, t) in sorted(kinds.items())),
        len(extra)))
    return 0 if score >= minimum and ref else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv))
