#!/usr/bin/env python3
"""collect.py: turn the recorder's logs ($W/runs/NAME.kK[sD].rN/{crash,recover}.log) into
../observed/NAME.json, one file per scenario: the kernel, mkfs and mount options, and for each
crash point the runs, the distinct outcomes seen (values as daxcheck's reports print them: decimal
below 10, hex above), the errnos of failed operations, and the fsck exit codes. A run that did not
finish (no marker, no recovery, a panic, a probe error) is counted in `incomplete` and not used.
(Log parsing adapted from the kernel-rig prototype's compare.py.)"""
import glob, json, os, re

R = os.path.dirname(os.path.abspath(__file__))
W = os.environ.get('W', os.path.join(os.path.dirname(R), 'work'))
OUT = os.path.join(os.path.dirname(R), 'observed')


def show(v):
    return str(v) if v < 10 else hex(v)


def parse_run(d):
    c = open(os.path.join(d, 'crash.log'), errors='replace').read()
    v = open(os.path.join(d, 'recover.log'), errors='replace').read()
    bad = [w for w in ('CYCLE-WARN', 'PMRUN-MOUNT-FAILED', 'PMRUN-MKFS-FAILED', 'Kernel panic', 'PMRUN-SHORT-WRITE',
                       'SCRIPT-ERROR') if w in c or w in v]
    if bad or 'PMRUN-MARKER' not in c or 'PMRUN-RECOVER-DONE' not in v: return None
    obs = {}
    for m in re.finditer(r'^PMRUN-OBS (\w+)=(\S+)( read=)?', v, re.M):  # bytes print hex and read=, the rest decimal
        obs[m.group(1)] = show(int.from_bytes(bytes.fromhex(m.group(2)), 'little') if m.group(3) else int(m.group(2)))
    return {
        'obs': obs,
        'errnos': {m.group(1): m.group(3) for m in re.finditer(r'^PMRUN-OP (\d+) .* => (-?\d+) (\S+)', c, re.M)
                   if m.group(2) != '0'},
        'fsck': int(re.search(r'^PMRUN-FSCK rc=(\d+)', v, re.M).group(1)),
        'fsckout': re.findall(r'^PMRUN-FSCKOUT (.*)', v, re.M),
        'mkfs': (re.findall(r'^PMRUN-MKFS (.*)', c, re.M) or [''])[0].strip(),
        'mount': (re.findall(r'^PMRUN-MOUNTED \S+ \S+ \S+ (\S+)', c, re.M) or [''])[0],
        'recovery': sorted({re.sub(r'^\[[^\]]*\] ', '', l).strip() for l in re.findall(r'^PMRUN-DMESG (.*)', v, re.M)
                            if re.search(r'(EXT4-fs|XFS) \(pmem0\)', l)}),
    }


def kernel():
    meta = dict(l.split(': ', 1) for l in open(os.path.join(W, 'kernel', 'PACKAGE')).read().splitlines() if ': ' in l)
    return {'package': meta['Package'], 'version': meta['Version'], 'release': os.listdir(os.path.join(W, 'kernel', 'lib', 'modules'))[0]}


def main():
    os.makedirs(OUT, exist_ok=True)
    scen = {}
    for line in open(os.path.join(W, 'points.tsv')):
        if line.strip():
            name, k, sl, fs, dax = line.rstrip('\n').split('\t')
            scen.setdefault(name, (fs + ('-dax' if dax == '1' else ''), []))[1].append((int(k), int(sl)))
    k_info, points_done = kernel(), 0
    for name, (fs, points) in scen.items():
        out = {'scenario': name, 'fs': fs, 'kernel': k_info, 'mkfs': None, 'mount': None, 'points': []}
        for k, sl in points:
            tag = 'k%d' % k + ('s%d' % sl if sl else '')
            dirs = sorted(glob.glob(os.path.join(W, 'runs', '%s.%s.r*' % (name, tag))))
            runs = [r for r in (parse_run(d) for d in dirs if os.path.exists(os.path.join(d, 'recover.log'))) if r]
            if not runs: continue
            outcomes = []
            for r in runs:
                same = [o for o in outcomes if o['values'] == r['obs']]
                if same: same[0]['runs'] += 1
                else: outcomes.append({'values': r['obs'], 'runs': 1})
            errnos = sorted({json.dumps(r['errnos'], sort_keys=True) for r in runs})
            point = {'crash': tag, 'afterOp': k, 'sleepSeconds': sl, 'runs': len(runs), 'incomplete': len(dirs) - len(runs),
                     'outcomes': outcomes, 'errnos': json.loads(errnos[0]), 'fsck': [r['fsck'] for r in runs],
                     'recovery': sorted({l for r in runs for l in r['recovery']})}
            if len(errnos) > 1: point['errnosDiffer'] = [json.loads(e) for e in errnos]
            bad_fsck = sorted({l for r in runs if r['fsck'] != 0 for l in r['fsckout']})
            if bad_fsck: point['fsckOutput'] = bad_fsck
            out['mkfs'], out['mount'] = runs[0]['mkfs'], runs[0]['mount']
            out['points'].append(point)
            points_done += 1
        if out['points']:
            with open(os.path.join(OUT, name + '.json'), 'w') as f:
                json.dump(out, f, indent=1); f.write('\n')
    print('%d crash points of %d scenarios written to %s' % (points_done, len(scen), OUT))


if __name__ == '__main__':
    main()
