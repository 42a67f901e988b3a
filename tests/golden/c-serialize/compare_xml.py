"""Compares `mofc xml` of instances.mof (argv[1]) with the INSTANCE
elements _to_cimxml() wrote (argv[2:], one file each, in the order of the
MOF).  Equal must be: the class name; every property mofc writes, as a
tree (element names, attributes, text without the layout whitespace of
mofc's indentation; embedded instances parsed and compared the same
way, their NULL properties left out); and every other property of the C
output has no value (NULL).
"""
import sys
import xml.etree.ElementTree as ET


def canon(e):
    """A comparable form of an element: name, sorted attributes, text,
    children; the text of an embedded instance is parsed in turn."""
    text = e.text or ""
    if e.tag == "VALUE" and text.startswith("<INSTANCE"):
        text = canon(ET.fromstring(text))
    elif len(e):
        text = text.strip()
    children = list(e)
    if e.tag == "INSTANCE":     # embedded: its NULL properties left out, as above
        children = [c for c in children if len(c)]
    return (e.tag, tuple(sorted(e.attrib.items())), text, tuple(canon(c) for c in children))


def properties(instance):
    return {p.get("NAME"): p for p in instance}


def compare(m, c):
    problems = []
    if m.get("CLASSNAME") != c.get("CLASSNAME"):
        problems.append("class %s vs %s" % (m.get("CLASSNAME"), c.get("CLASSNAME")))
    mp, cp = properties(m), properties(c)
    for name, p in mp.items():
        if name not in cp:
            problems.append("%s: missing from the C output" % name)
        elif canon(p) != canon(cp[name]):
            problems.append("%s:\n  mofc %r\n  C    %r" % (name, canon(p), canon(cp[name])))
    for name, p in cp.items():
        if name not in mp and len(p):
            problems.append("%s: has a value in the C output only" % name)
    return problems


mofc = ET.parse(sys.argv[1]).getroot()
expected = mofc.findall(".//VALUE.OBJECT/INSTANCE")
written = [ET.parse(f).getroot() for f in sys.argv[2:]]
if len(expected) != len(written):
    sys.exit("%d instances from mofc, %d from C" % (len(expected), len(written)))
bad = []
for m, c in zip(expected, written):
    bad += compare(m, c)
nprops = sum(len(m) for m in expected)
if bad:
    print("\n".join(bad))
    sys.exit(1)
print("%d instances, %d properties equal" % (len(expected), nprops))
