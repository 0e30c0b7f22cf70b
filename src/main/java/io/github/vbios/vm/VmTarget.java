package io.github.vbios.vm;

/** Which configuration format a plan is rendered for. */
public enum VmTarget {
    QEMU, LIBVIRT, PROXMOX
}
