package io.github.vbios.vm;

/** The virt-manager-shaped domain of {@link LibvirtPatchTest}, for tests in other packages. */
public final class LibvirtPatchTestDomain {
    public static final String XML = LibvirtPatchTest.DOMAIN;

    private LibvirtPatchTestDomain() {
    }
}
