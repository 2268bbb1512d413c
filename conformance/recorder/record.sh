#!/bin/bash
# record.sh [RUNS=2] [FILTER-REGEX] : `npm run conformance:record`. Installs what it needs (install.sh),
#   generates the probe scripts (gen.py), builds the initramfs, crashes and recovers the real kernel
#   under qemu RUNS times at every crash point of ../scenarios (JOBS qemus at once, default 2), then
#   writes ../observed/*.json (collect.py). Order: run 1 of every point, then run 2, ...; a run whose
#   logs are complete is kept unless FORCE=1, so an interrupted recording resumes where it stopped.
#   Logs: $W/runs/NAME.kK[sD].rN/. (Adapted from the kernel-rig prototype's run-all.sh.)
set -e
R=$(cd "$(dirname "$0")" && pwd); export W=${W:-$(cd $R/.. && pwd)/work}
RUNS=${1:-2}; FILTER=${2:-.}; JOBS=${JOBS:-2}; CYCLE_S=${CYCLE_S:-20}
$R/install.sh
python3 $R/gen.py; $R/build-initramfs.sh
mkdir -p $W/runs
todo() {  # the cycles still to run, in order: NAME K FS DAX OUTDIR SLEEP
  for r in $(seq 1 $RUNS); do  # the filesystems take turns, so that a stopped recording covers all four
    grep -E "$FILTER" $W/points.tsv | awk -F'\t' '{ print (n[$4 $5]++) "\t" $0 }' | sort -s -n -k1,1 | cut -f2- |
    while IFS=$'\t' read name k sl fs dax; do
      tag=k$k; [ "$sl" != 0 ] && tag=${tag}s$sl
      d=$W/runs/$name.$tag.r$r
      [ -z "$FORCE" ] && [ -f $d/recover.log ] && grep -q PMRUN-RECOVER-DONE $d/recover.log && continue
      echo "$name $k $fs $dax $d $sl"
    done
  done
}
todo > $W/todo.txt
n=$(wc -l < $W/todo.txt); slept=$(awk '{s+=$6} END {print s+0}' $W/todo.txt)
secs=$(( (n * CYCLE_S + slept) / JOBS ))
echo "$(grep -cE "$FILTER" $W/points.tsv) crash points x $RUNS runs: $n cycles to run, ~${CYCLE_S} s each (+${slept} s of sleeps), $JOBS at once:" \
     "about $((secs / 60)) min $((secs % 60)) s"
start=$(date +%s)
xargs -r -P $JOBS -L 1 sh -c 'echo "cycle $4"; '"$R"'/cycle.sh $0 $1 $2 $3 $4 $5' < $W/todo.txt
echo "recording took $(( $(date +%s) - start )) s for $n cycles"
python3 $R/collect.py
