#!/bin/bash
# boot.sh PMEMIMG LOG KERNELARGS... : start qemu (TCG) in the background with an nvdimm backed by
#   PMEMIMG (share=on), serial console to LOG; prints qemu's pid. The kernel is the uncompressed
#   $W/vmlinux (build-initramfs.sh), booted through its PVH entry. (Adapted from the kernel-rig prototype.)
W=${W:-$(cd "$(dirname "$0")/.." && pwd)/work}; PMEM=$1; LOG=$2; shift 2
PMEMSIZE=${PMEMSIZE:-256M}
[ -f $PMEM ] || truncate -s $PMEMSIZE $PMEM
: > $LOG
qemu-system-x86_64 -accel tcg -cpu max -smp 1 \
  -machine pc,nvdimm=on -m 512M,slots=2,maxmem=4G \
  -object memory-backend-file,id=mem1,share=on,mem-path=$PMEM,size=$PMEMSIZE \
  -device nvdimm,id=nv1,memdev=mem1 \
  -kernel $W/vmlinux -initrd $W/initramfs.gz \
  -append "console=ttyS0 loglevel=4 panic=-1 mitigations=off $*" \
  -display none -monitor none -serial file:$LOG -no-reboot </dev/null >$LOG.qemu 2>&1 &
echo $!
