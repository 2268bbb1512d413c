#!/bin/bash
# build-initramfs.sh : $W/initramfs.gz = the host's static busybox + the kernel's modules + the host's
#   e2fsprogs/xfsprogs + pmrun + every generated scenario script $W/scen/*.pm (baked in as /scen/*.pm).
#   (Adapted from the kernel-rig prototype.)
set -e
R=$(cd "$(dirname "$0")" && pwd); W=${W:-$(cd $R/.. && pwd)/work}
KV=$(ls $W/kernel/lib/modules); F=$W/rootfs.$$
gcc -O2 -static -Wall -o $W/pmrun $R/pmrun.c
rm -rf $F; mkdir -p $F/{bin,sbin,proc,sys,dev,mnt,tmp,scen,lib64,lib/x86_64-linux-gnu,lib/modules/$KV}
cp /bin/busybox $F/bin/busybox
for a in $($F/bin/busybox --list); do [ -e $F/bin/$a ] || ln -s busybox $F/bin/$a; done
rm -f $F/bin/mke2fs $F/bin/mkfs.ext2 $F/bin/e2fsck $F/bin/fsck
for m in lib/crc16 fs/mbcache fs/jbd2/jbd2 crypto/crc32c_generic lib/libcrc32c \
         drivers/nvdimm/libnvdimm drivers/nvdimm/nd_btt drivers/acpi/nfit/nfit \
         drivers/nvdimm/nd_pmem drivers/nvdimm/nd_e820 fs/ext4/ext4 fs/xfs/xfs; do
  mkdir -p $F/lib/modules/$KV/kernel/$(dirname $m)
  cp $W/kernel/lib/modules/$KV/kernel/$m.ko $F/lib/modules/$KV/kernel/$m.ko
done
for b in /sbin/mke2fs /sbin/e2fsck /sbin/mkfs.xfs /sbin/xfs_repair; do
  cp $b $F/sbin/
  for l in $(ldd $b | grep -o '/lib[^ ]*'); do cp -L $l $F$l; done
done
ln -sf mke2fs $F/sbin/mkfs.ext4
cp $W/pmrun $F/bin/pmrun
cp $W/scen/*.pm $F/scen/ 2>/dev/null || true
cp $R/init $F/init; chmod +x $F/init
# the kernel uncompressed: qemu boots its ELF through the PVH entry (CONFIG_PVH), skipping the BIOS and
# the xz decompression that under TCG take longer than the rest of a boot
off=$(grep -abo $'\xfd7zXZ\x00' $W/kernel/boot/vmlinuz-$KV | head -1 | cut -d: -f1)
tail -c +$((off + 1)) $W/kernel/boot/vmlinuz-$KV | xz -dcq 2>/dev/null > $W/vmlinux.new || [ -s $W/vmlinux.new ]
mv -f $W/vmlinux.new $W/vmlinux
(cd $F && find . | cpio -o -H newc --quiet | gzip -1 > $W/initramfs.gz.new)
mv -f $W/initramfs.gz.new $W/initramfs.gz   # atomic: a qemu may be starting right now
rm -rf $F
