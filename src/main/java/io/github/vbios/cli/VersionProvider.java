package io.github.vbios.cli;

import picocli.CommandLine.IVersionProvider;

/** Version, build commit and Java runtime for {@code vbios --version}. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        Package p = VersionProvider.class.getPackage();
        String version = p != null && p.getImplementationVersion() != null ? p.getImplementationVersion() : "dev";
        return new String[] {
            "vbios " + version,
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
        };
    }
}
