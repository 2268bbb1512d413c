#!/bin/bash
# install.sh : what the recorder needs, from Debian's packages (run as root): qemu, the filesystem
#   tools baked into the guest, a static busybox, gcc for the probe, and a Linux 6.1 kernel image
#   unpacked (not installed) into $W/kernel. KERNEL_PKG picks the image; default: the newest
#   linux-image-6.1.0-N-amd64 that apt knows. Adapted from the kernel-rig prototype's prerequisites.
set -e
W=${W:-$(cd "$(dirname "$0")/.." && pwd)/work}; mkdir -p $W
need=""
for p in qemu-system-x86 e2fsprogs xfsprogs busybox-static kmod gcc libc6-dev cpio bc python3 xz-utils; do
  dpkg -s $p >/dev/null 2>&1 || need="$need $p"
done
if [ -n "$need" ]; then
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q $need
fi
if [ ! -d $W/kernel/lib/modules ]; then
  if [ -z "$KERNEL_PKG" ]; then
    [ -n "$(apt-cache search --names-only '^linux-image-6\.1\.0-[0-9]+-amd64$')" ] || apt-get update -q
    KERNEL_PKG=$(apt-cache search --names-only '^linux-image-6\.1\.0-[0-9]+-amd64$' | cut -d' ' -f1 | sort -V | tail -1)
  fi
  [ -n "$KERNEL_PKG" ] || { echo "no linux-image-6.1 package found"; exit 1; }
  rm -rf $W/deb && mkdir -p $W/deb
  (cd $W/deb && apt-get download -q $KERNEL_PKG)
  dpkg -x $W/deb/*.deb $W/kernel.new
  dpkg-deb -f $W/deb/*.deb Package Version > $W/kernel.new/PACKAGE
  rm -rf $W/kernel && mv $W/kernel.new $W/kernel && rm -rf $W/deb
fi
echo "kernel: $(tr '\n' ' ' < $W/kernel/PACKAGE)"
