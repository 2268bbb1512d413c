#!/bin/bash
# cycle.sh SCEN K FS DAX OUTDIR [SLEEP] : one crash-and-recover cycle of scenario SCEN ($W/scen/SCEN.pm).
#   Boot 1 on a fresh pmem image: fsdax namespace, mkfs FS, mount (dax if DAX=1), pmrun runs the
#   setup and the first K ops, prints PMRUN-MARKER; the host kill -9's qemu as soon as it sees it.
#   Boot 2 on the same image: mount (journal/log recovery), pmrun observe, fsck -n, poweroff.
#   Logs: OUTDIR/crash.log, OUTDIR/recover.log. (Adapted from the kernel-rig prototype.)
R=$(cd "$(dirname "$0")" && pwd); SC=$1; K=$2; FS=$3; DAX=$4; O=$5; SL=${6:-0}
mkdir -p $O; IMG=$O/pmem.img; rm -f $IMG
[ $FS = xfs ] && export PMEMSIZE=${PMEMSIZE:-512M}   # mkfs.xfs 6.x refuses filesystems under 300 MB
A="pmscen=$SC pmk=$K pmfs=$FS pmdax=$DAX pmsleep=$SL"
wait_for() {  # wait_for PID LOG REGEX TIMEOUT_S
  local n=$(( $4 * 50 ))
  for i in $(seq 1 $n); do grep -qE "$3" $2 && return 0; kill -0 $1 2>/dev/null || return 1; sleep 0.02; done
  return 2
}
P=$($R/boot.sh $IMG $O/crash.log pmphase=crash $A)
wait_for $P $O/crash.log 'PMRUN-MARKER|PMRUN-RUN-EXITED|Kernel panic|PMRUN-MKFS-FAILED|PMRUN-MOUNT-FAILED' 300; r=$?
kill -9 $P 2>/dev/null; wait $P 2>/dev/null
[ $r = 0 ] || echo "CYCLE-WARN crash boot wait rc=$r" >> $O/crash.log
P=$($R/boot.sh $IMG $O/recover.log pmphase=recover $A)
wait_for $P $O/recover.log 'PMRUN-RECOVER-DONE|Kernel panic' 300; r=$?
sleep 0.2; kill -9 $P 2>/dev/null; wait $P 2>/dev/null
[ $r = 0 ] || echo "CYCLE-WARN recover boot wait rc=$r" >> $O/recover.log
rm -f $IMG
