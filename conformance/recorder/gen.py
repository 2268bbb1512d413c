#!/usr/bin/env python3
"""gen.py (adapted from the kernel-rig prototype): turn the scenarios (../scenarios/*.litmus,
daxcheck litmus syntax plus a `Crash:` line in the header comment) into
  - $W/scen/NAME.pm   the pmrun script baked into the initramfs
  - $W/points.tsv     one line per crash point: name K sleep fs dax
Crash line syntax:  Crash: 1 2 3s8   (after op 1; after op 2; after op 3 then sleep 8 s)
Ops are counted over program lines that are not labels. The model's side of a crash point (the
program cut after op K) is built by test/conformance/, not here."""
import os, re, glob

R = os.path.dirname(os.path.abspath(__file__))
SCEN = os.path.join(os.path.dirname(R), 'scenarios')
W = os.environ.get('W', os.path.join(os.path.dirname(R), 'work'))
FSMAP = {'ext4-dax': ('ext4', 1), 'xfs-dax': ('xfs', 1), 'ext4': ('ext4', 0), 'xfs': ('xfs', 0)}


def num(s):
    m = re.fullmatch(r'(0x[0-9a-fA-F]+|\d+)([KM]?)', s)
    if not m: raise ValueError('bad number ' + s)
    return int(m.group(1), 0) * {'': 1, 'K': 1024, 'M': 1 << 20}[m.group(2)]


def value(s):
    """litmus VALUE -> bytes"""
    if s.startswith('"'): return s.strip('"').encode()
    m = re.fullmatch(r'0x([0-9a-fA-F]{2})\*(\w+)', s)
    if m: return bytes([int(m.group(1), 16)]) * num(m.group(2))
    w = 8
    if ':' in s: s, w = s.split(':'); w = int(w)
    return int(s, 0).to_bytes(w, 'little')


def parse(path):
    text = open(path).read()
    cm = re.search(r'\(\*(.*?)\*\)', text, re.S)
    comment = cm.group(0) if cm else ''
    crash = re.search(r'Crash:\s*([^\n*]*)', comment)
    body = text[cm.end():] if cm else text
    cfg, files, prog, obs, inprog = [], [], [], [], False
    for l in body.split('\n'):
        s = l.strip()
        if not s: continue
        if s == 'program': inprog = True; continue
        if s.startswith('observe'): inprog = False; obs.append(s); continue
        if s.startswith(('exists', '~exists', 'forall')): continue
        if inprog: prog.append(s); continue
        if s.startswith('config'): cfg.append(s)
        elif s.startswith('file'): files.append(s)
    return dict(name=text.split('\n')[0].split()[1], cfg=cfg, files=files, prog=prog, obs=obs,
                points=crash.group(1).split() if crash else [])


def pm_op(s):
    s = re.sub(r'\s*=>\s*\S+$', '', s)
    t = s.split()
    m = re.fullmatch(r'(\w+)\s*=\s*mmap\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)', s)
    if m: return 'OP mmap %s %s %d %d %s' % (m.group(1), m.group(2), num(m.group(3)), num(m.group(4)), m.group(5))
    op = t[0]
    if op in ('store', 'clwb', 'clflush', 'clflushopt', 'ntstore'):
        mm = re.fullmatch(r'(\w+)\[(\w+)\]', t[1])
        if op == 'store': return 'OP store %s %d %s' % (mm.group(1), num(mm.group(2)), value(t[2]).hex())
        if op == 'ntstore': raise ValueError('ntstore not supported by pmrun')
        return 'OP %s %s %d' % (op, mm.group(1), num(mm.group(2)))
    if op == 'write':
        return 'OP write %s %d %s %s' % (t[1], num(t[2]), value(t[3]).hex(), ' '.join(t[4:]))
    if op == 'fallocate':
        return 'OP fallocate %s %d %d %s' % (t[1], num(t[2]), num(t[3]), ' '.join(t[4:]))
    if op == 'truncate': return 'OP truncate %s %d' % (t[1], num(t[2]))
    if op == 'msync': return 'OP msync %s %d %d %s' % (t[1], num(t[2]), num(t[3]), ' '.join(t[4:]))
    return 'OP ' + ' '.join(t)


def pm_file(s):
    t = s.split()
    name, size, kind, fill = t[1], 0, 'written', '00'
    for w in t[2:]:
        if w.startswith('size='): size = num(w[5:])
        elif w in ('written', 'unwritten', 'hole'): kind = w
        elif w.startswith('fill='): fill = w[5:].replace('0x', '')
    return 'F %s %d %s %s' % (name, size, kind, fill)


def pm_obs(s):
    m = re.fullmatch(r'observe\s+(\w+)\s*=\s*(\w+)\[(\w+):(\w+)\]', s)
    if m: return 'OBS %s bytes %s %d %d' % (m.group(1), m.group(2), num(m.group(3)), num(m.group(4)))
    m = re.fullmatch(r'observe\s+(\w+)\s*=\s*(size|exists)\((\w+)\)', s)
    if m: return 'OBS %s %s %s' % (m.group(1), m.group(2), m.group(3))
    raise ValueError('observation not supported: ' + s)


def main():
    os.makedirs(os.path.join(W, 'scen'), exist_ok=True)
    rows = []
    for path in sorted(glob.glob(os.path.join(SCEN, '*.litmus'))):
        sc = parse(path)
        fs, dax = FSMAP[re.search(r'fs=(\S+)', ' '.join(sc['cfg'])).group(1)]
        ops = [p for p in sc['prog'] if not re.fullmatch(r'\w+:', p)]
        with open(os.path.join(W, 'scen', sc['name'] + '.pm'), 'w') as f:
            for d in sc['files']: f.write(pm_file(d) + '\n')
            for o in ops: f.write(pm_op(o) + '\n')
            for o in sc['obs']: f.write(pm_obs(o) + '\n')
        for p in sc['points']:
            k, _, sl = p.partition('s')
            if not 0 <= int(k) <= len(ops): raise ValueError('%s: crash point %s past the program' % (path, p))
            rows.append('\t'.join([sc['name'], k, sl or '0', fs, str(dax)]))
    open(os.path.join(W, 'points.tsv'), 'w').write('\n'.join(rows) + '\n')
    print('%d crash points in %d scenarios' % (len(rows), len({r.split('\t')[0] for r in rows})))


if __name__ == '__main__':
    main()
