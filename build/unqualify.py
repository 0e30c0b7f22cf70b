#!/usr/bin/env python3
"""Rewrites inline fully qualified type names (JDK, vbios, libraries) (java.util.Arrays.fill(...) in a method body)
as imports plus simple names: the fix for build/checkstyle.xml's inlineQualifiedName rule, so that
merged branches can be brought in line mechanically. Usage: build/unqualify.py [FILE_OR_DIR...]
(default: src). Leaves a name qualified where the simple name would be ambiguous: another import
or another qualified name with that simple name, a type of the file's own package, a type the file
declares, or a java.lang type shadowed by one of those. Comments and string literals are left
alone. Prints each file it changed; a file with a remaining name is for a human (or a documented
suppression). Run a compile and the checks afterwards."""
import os
import re
import sys

QUALIFIED = re.compile(r'(?<![\w."$])((?:java|javax|jdk|org|com|net|picocli|io\.github)(?:\.[a-z][a-z0-9_]*)*)\.([A-Z][A-Za-z0-9_]*)')
IMPORT = re.compile(r'^import\s+(static\s+)?([\w.]+)\s*;')
PACKAGE = re.compile(r'^package\s+([\w.]+)\s*;')
JAVA_LANG = {'Boolean', 'Byte', 'Character', 'Class', 'Deprecated', 'Double', 'Enum', 'Error',
             'Exception', 'Float', 'Integer', 'Iterable', 'Long', 'Math', 'Module', 'Number', 'Object',
             'Override', 'Process', 'Record', 'Runtime', 'Short', 'String', 'StringBuilder', 'System',
             'Thread', 'Throwable', 'Void'}
DECLARED = re.compile(r'\b(?:class|interface|enum|record|@interface)\s+([A-Z]\w*)|<\s*([A-Z]\w*)\s*(?:extends\b|[,>])')


CLOSERS = {'block': '*/', 'text': '"""'}


def code_spans(lines):
    """Per line, the (start, end) spans that are code: not comment, string, char or text block."""
    state = None  # None, 'block' (/* */), 'text' (""" """)
    out = []
    for line in lines:
        spans, i, start, n = [], 0, 0, len(line)
        while i < n:
            if state is not None:
                closer = CLOSERS[state]
                j = line.find(closer, i)
                if j < 0:
                    i = n
                    break
                i = start = j + len(closer)
                state = None
                continue
            c = line[i]
            if line.startswith('//', i):
                spans.append((start, i))
                start = i = n
                break
            if line.startswith('/*', i):
                spans.append((start, i))
                state = 'block'
                i += 2
                continue
            if line.startswith('"""', i):
                spans.append((start, i))
                state = 'text'
                i += 3
                continue
            if c in '"\'':
                spans.append((start, i))
                j = i + 1
                while j < n and line[j] != c:
                    j += 2 if line[j] == '\\' else 1
                i = start = j + 1
                continue
            i += 1
        if state is None and start < n:
            spans.append((start, n))
        out.append([s for s in spans if s[0] < s[1]])
    return out


def same_package_types(path, package):
    folder = os.path.dirname(path)
    return {f[:-5] for f in os.listdir(folder) if f.endswith('.java')} if package else set()


def fix(path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    lines = text.split('\n')
    package, imports, import_lines, statics = '', {}, [], []
    for n, line in enumerate(lines):
        m = PACKAGE.match(line)
        if m:
            package = m.group(1)
        m = IMPORT.match(line)
        if m:
            (statics if m.group(1) else import_lines).append(n)
            if not m.group(1):
                imports[m.group(2).rsplit('.', 1)[1]] = m.group(2)
    local = same_package_types(path, package)
    spans = code_spans(lines)
    declared = set()
    for n, line in enumerate(lines):
        for a, b in spans[n]:
            for m in DECLARED.finditer(line[a:b]):
                declared.add(m.group(1) or m.group(2))
    own = os.path.basename(path)[:-5]
    # simple name -> the one qualified name it may stand for in this file (None: ambiguous)
    wanted = {}
    for n, line in enumerate(lines):
        if PACKAGE.match(line) or IMPORT.match(line):
            continue
        for a, b in spans[n]:
            for m in QUALIFIED.finditer(line[a:b]):
                fqn, simple = m.group(1) + '.' + m.group(2), m.group(2)
                wanted[simple] = fqn if wanted.get(simple, fqn) == fqn else None

    def usable(simple, fqn):
        pkg = fqn.rsplit('.', 1)[0]
        if fqn is None or simple in declared or simple == own:
            return False
        if simple in JAVA_LANG and pkg != 'java.lang':
            return False  # an import would shadow the java.lang type everywhere in the file
        if simple in imports:
            return imports[simple] == fqn
        if pkg == package:
            return True
        return simple not in local

    ok = {s: f for s, f in wanted.items() if f and usable(s, f)}
    if not ok:
        return False
    changed = False
    for n, line in enumerate(lines):
        if PACKAGE.match(line) or IMPORT.match(line) or not spans[n]:
            continue
        pieces, last = [], 0
        for a, b in spans[n]:
            def repl(m):
                simple = m.group(2)
                return simple if ok.get(simple) == m.group(1) + '.' + simple else m.group(0)
            pieces.append(line[last:a])
            pieces.append(QUALIFIED.sub(repl, line[a:b]))
            last = b
        pieces.append(line[last:])
        new = ''.join(pieces)
        if new != line:
            lines[n] = new
            changed = True
    if not changed:
        return False
    needed = sorted(f for s, f in ok.items()
                    if s not in imports and f.rsplit('.', 1)[0] not in (package, 'java.lang'))
    if needed:
        if import_lines:
            # each new import goes before the first one that sorts after it; the others keep their order
            for fqn in needed:
                plain = [i for i, l in enumerate(lines) if IMPORT.match(l) and not IMPORT.match(l).group(1)]
                at = next((i for i in plain if IMPORT.match(lines[i]).group(2) > fqn), plain[-1] + 1)
                lines.insert(at, 'import %s;' % fqn)
        else:
            at = (statics[-1] + 1) if statics else next(i for i, l in enumerate(lines) if PACKAGE.match(l)) + 1
            new_block = [''] + ['import %s;' % f for f in needed]
            lines[at:at] = new_block
            after = at + len(new_block)
            if after < len(lines) and lines[after].strip():
                lines.insert(after, '')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines))
    return True


def main(args):
    roots = args or ['src']
    for root in roots:
        files = [root] if root.endswith('.java') else [
            os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith('.java')]
        for path in sorted(files):
            if fix(path):
                print(path)


if __name__ == '__main__':
    main(sys.argv[1:])
